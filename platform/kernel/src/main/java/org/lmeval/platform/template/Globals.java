package org.lmeval.platform.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Jinja2's default globals: {@code range}, {@code dict}, {@code namespace}, {@code cycler}, {@code joiner}. */
final class Globals {
  private Globals() {}

  /** A named global function. */
  record Function(String name, PyCallable body) implements PyCallable, PyValue {
    @Override
    public Object call(List<Object> args, Map<String, Object> kwargs) {
      return body.call(args, kwargs);
    }

    @Override
    public String typeName() {
      return name.equals("range") || name.equals("dict") ? "type" : "function";
    }

    @Override
    public String repr() {
      return name.equals("range") || name.equals("dict") ? "<class '" + name + "'>"
          : "<function " + name + ">";
    }
  }

  static Map<String, Object> builtins() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("range", new Function("range", Globals::range));
    m.put("dict", new Function("dict", Globals::dict));
    m.put("namespace", new Function("namespace", Globals::namespace));
    m.put("cycler", new Function("cycler", (args, kwargs) -> new Cycler(args)));
    m.put("joiner", new Function("joiner", (args, kwargs) -> {
      Args a = new Args("joiner", args, kwargs).keywords("sep").count(0, 1);
      return new Joiner(Py.str(a.get(0, "sep", ", ")));
    }));
    m.put("lipsum", new Function("lipsum", (args, kwargs) -> {
      throw PyException.runtime("lipsum() is random and not supported by lm-eval-java's template engine");
    }));
    return m;
  }

  private static Object range(List<Object> args, Map<String, Object> kwargs) {
    Args a = new Args("range", args, kwargs).noKeywords();
    if (args.isEmpty()) {
      throw PyException.typeError("range expected at least 1 argument, got 0");
    }
    if (args.size() > 3) {
      throw PyException.typeError("range expected at most 3 arguments, got " + args.size());
    }
    long start = 0;
    long stop;
    long step = 1;
    if (args.size() == 1) {
      stop = Args.index(a.get(0));
    } else {
      start = Args.index(a.get(0));
      stop = Args.index(a.get(1));
      if (args.size() == 3) {
        step = Args.index(a.get(2));
      }
    }
    return new PyRange(start, stop, step);
  }

  private static Object dict(List<Object> args, Map<String, Object> kwargs) {
    Map<Object, Object> out = new LinkedHashMap<>();
    if (args.size() > 1) {
      throw PyException.typeError("dict expected at most 1 argument, got " + args.size());
    }
    if (args.size() == 1) {
      Object src = args.get(0);
      if (src instanceof Map<?, ?> m) {
        m.forEach((k, v) -> Py.dictPut(out, k, v));
      } else {
        for (Object pair : Py.iterate(src)) {
          List<Object> kv = Py.iterate(pair);
          if (kv.size() != 2) {
            throw PyException.valueError("dictionary update sequence element has length "
                + kv.size() + "; 2 is required");
          }
          Py.dictPut(out, kv.get(0), kv.get(1));
        }
      }
    }
    kwargs.forEach((k, v) -> Py.dictPut(out, k, v));
    return out;
  }

  private static Object namespace(List<Object> args, Map<String, Object> kwargs) {
    Namespace ns = new Namespace();
    Map<Object, Object> init = (Map<Object, Object>) dict(args, kwargs);
    ns.attrs.putAll(init);
    return ns;
  }

  /** Jinja2's {@code cycler(*items)}. */
  static final class Cycler implements PyValue {
    private final List<Object> items;
    private int pos;

    Cycler(List<Object> items) {
      if (items.isEmpty()) {
        throw PyException.runtime("at least one item has to be provided");
      }
      this.items = items;
    }

    @Override
    public String typeName() {
      return "Cycler";
    }

    @Override
    public String qualifiedTypeName() {
      return "jinja2.utils.Cycler";
    }

    @Override
    public String repr() {
      return "<jinja2.utils.Cycler object>";
    }

    @Override
    public Object attribute(String name) {
      return switch (name) {
        case "current" -> items.get(pos);
        case "next" -> (PyCallable) (args, kwargs) -> {
          Object rv = items.get(pos);
          pos = (pos + 1) % items.size();
          return rv;
        };
        case "reset" -> (PyCallable) (args, kwargs) -> {
          pos = 0;
          return null;
        };
        default -> Py.ABSENT;
      };
    }
  }

  /** Jinja2's {@code joiner(sep)}: "" on the first call, {@code sep} afterwards. */
  static final class Joiner implements PyValue, PyCallable {
    private final String sep;
    private boolean used;

    Joiner(String sep) {
      this.sep = sep;
    }

    @Override
    public Object call(List<Object> args, Map<String, Object> kwargs) {
      if (!used) {
        used = true;
        return "";
      }
      return sep;
    }

    @Override
    public String typeName() {
      return "Joiner";
    }

    @Override
    public String qualifiedTypeName() {
      return "jinja2.utils.Joiner";
    }

    @Override
    public String repr() {
      return "<jinja2.utils.Joiner object>";
    }
  }
}
