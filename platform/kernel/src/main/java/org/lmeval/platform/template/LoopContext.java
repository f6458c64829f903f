package org.lmeval.platform.template;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Jinja2's {@code loop} variable inside {@code {% for %}}. */
final class LoopContext implements PyValue, PyCallable {
  private final List<Object> items;
  private final int index0;
  private final int depth0;
  private final Function<Object, String> recurse;
  private final Object[] lastChanged;

  /**
   * @param recurse renders the loop body over another iterable ({@code loop(children)} in a
   *     recursive loop), or null when the loop is not recursive
   * @param lastChanged shared one-element holder for {@code loop.changed(...)} across iterations
   */
  LoopContext(List<Object> items, int index0, int depth0, Function<Object, String> recurse,
      Object[] lastChanged) {
    this.items = items;
    this.index0 = index0;
    this.depth0 = depth0;
    this.recurse = recurse;
    this.lastChanged = lastChanged;
  }

  @Override
  public String typeName() {
    return "LoopContext";
  }

  @Override
  public String qualifiedTypeName() {
    return "jinja2.runtime.LoopContext";
  }

  @Override
  public String repr() {
    return "<LoopContext " + (index0 + 1) + "/" + items.size() + ">";
  }

  @Override
  public Object attribute(String name) {
    int n = items.size();
    return switch (name) {
      case "index" -> (long) index0 + 1;
      case "index0" -> (long) index0;
      case "revindex" -> (long) (n - index0);
      case "revindex0" -> (long) (n - index0 - 1);
      case "first" -> index0 == 0;
      case "last" -> index0 == n - 1;
      case "length" -> (long) n;
      case "depth" -> (long) depth0 + 1;
      case "depth0" -> (long) depth0;
      case "previtem" -> index0 > 0 ? items.get(index0 - 1)
          : Undefined.withHint("there is no previous item");
      case "nextitem" -> index0 < n - 1 ? items.get(index0 + 1)
          : Undefined.withHint("there is no next item");
      case "cycle" -> (PyCallable) (args, kwargs) -> {
        if (args.isEmpty()) {
          throw PyException.typeError("no items for cycling given");
        }
        return args.get(index0 % args.size());
      };
      case "changed" -> (PyCallable) (args, kwargs) -> {
        Object value = org.lmeval.platform.python.PythonTuple.copyOf(args);
        if (lastChanged[0] == null || !Py.eq(lastChanged[0], value)) {
          lastChanged[0] = value;
          return true;
        }
        return false;
      };
      default -> Py.ABSENT;
    };
  }

  @Override
  public Object call(List<Object> args, Map<String, Object> kwargs) {
    if (recurse == null) {
      throw PyException.typeError(
          "The loop must have the 'recursive' marker to be called recursively.");
    }
    if (args.size() != 1 || !kwargs.isEmpty()) {
      throw PyException.typeError("loop() takes exactly one argument");
    }
    return recurse.apply(args.get(0));
  }
}
