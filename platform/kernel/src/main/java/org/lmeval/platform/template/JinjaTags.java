package org.lmeval.platform.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Jinja2's statements as Jinjava tags: {@code if/elif/else}, {@code for} (with {@code else}, an
 * {@code if} filter, {@code loop}, unpacking, recursion), {@code set} (also block set and namespace
 * attributes), {@code with}, {@code filter}, {@code print}, {@code block}, {@code macro}, and the
 * loader tags that fail as they do under lm-eval's {@code BaseLoader}. Statement text is parsed with
 * Jinja2's grammar ({@link ExprParser}); scoping follows Jinja2 (each loop iteration has its own
 * scope, {@code if} has none).
 */
final class JinjaTags {
  private JinjaTags() {}

  /**
   * Every Jinja2 statement, under the tag names of the canonical template {@link TemplateCompiler}
   * writes (a block set is {@code setblock}).
   */
  static List<Tag> all() {
    return List.of(new If(), new Marker("elif"), new Marker("else"), new For(), new SetTag(false),
        new SetTag(true), new With(), new FilterBlock(), new Print(), new Block(), new Macro(),
        new LoaderTag("include"), new LoaderTag("import"), new LoaderTag("from"),
        new LoaderTag("extends"), new Unsupported("call", "endcall"),
        new Unsupported("autoescape", "endautoescape"), new LoopControlTag(true), new LoopControlTag(false));
  }

  static <T> T statement(TagNode node, JinjavaInterpreter interpreter) {
    return py(interpreter).template().statement(node);
  }

  static Object part(TagNode node, JinjavaInterpreter interpreter) {
    return py(interpreter).template().part(node.getHelpers());
  }

  // ------------------------------------------------------------------------------ helpers

  static PyInterpreter py(JinjavaInterpreter interpreter) {
    return (PyInterpreter) interpreter;
  }

  static String render(List<Node> nodes, JinjavaInterpreter interpreter) {
    StringBuilder sb = new StringBuilder();
    try {
      for (Node n : nodes) {
        sb.append(n.render(interpreter).getValue());
      }
    } catch (LoopControl c) {
      c.partial.insert(0, sb);
      throw c;
    }
    return sb.toString();
  }

  /**
   * {@code {% break %}} / {@code {% continue %}} (jinja2.ext.loopcontrols) on its way to the enclosing loop,
   * carrying what the iteration rendered before it. An {@code InterpretException} so that Jinjava's node
   * rendering passes it through unchanged.
   */
  static final class LoopControl extends com.hubspot.jinjava.interpret.InterpretException {
    private static final long serialVersionUID = 1L;
    final boolean isBreak;
    final transient StringBuilder partial = new StringBuilder();

    LoopControl(boolean isBreak) {
      super(isBreak ? "break" : "continue");
      this.isBreak = isBreak;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  /** {@code break} and {@code continue} (only transformers' chat-template environment compiles them). */
  static final class LoopControlTag extends PyTag {
    private static final long serialVersionUID = 1L;
    private final boolean isBreak;

    LoopControlTag(boolean isBreak) {
      super(isBreak ? "break" : "continue", null);
      this.isBreak = isBreak;
    }

    @Override
    String run(TagNode node, JinjavaInterpreter interpreter, RenderFrame f) {
      throw new LoopControl(isBreak);
    }
  }

  static boolean isMarker(Node n, String name) {
    return n instanceof TagNode t && t.getName().equals(name);
  }

  /** Assigns {@code value} to a target (name, tuple of names with unpacking, or ns.attr). */
  static void assign(RenderFrame f, Expr target, Object value) {
    if (target instanceof Expr.Name n) {
      f.assign(n.name(), value);
    } else if (target instanceof Expr.TupleLit t) {
      List<Object> values;
      if (value instanceof Undefined u) {
        throw u.error();
      }
      try {
        values = Py.iterate(value);
      } catch (PyException e) {
        throw PyException.typeError("cannot unpack non-iterable " + Py.typeName(value) + " object");
      }
      int n = t.items().size();
      if (values.size() > n) {
        throw PyException.valueError("too many values to unpack (expected " + n + ")");
      }
      if (values.size() < n) {
        throw PyException.valueError("not enough values to unpack (expected " + n + ", got "
            + values.size() + ")");
      }
      for (int i = 0; i < n; i++) {
        assign(f, t.items().get(i), values.get(i));
      }
    } else if (target instanceof Expr.NsRef ref) {
      Object ns = f.lookup(ref.name());
      if (!(ns instanceof Namespace namespace)) {
        throw PyException.runtime("cannot assign attribute on non-namespace object");
      }
      namespace.attrs.put(ref.attr(), value);
    } else {
      throw PyException.syntax("can't assign to " + target);
    }
  }

  // --------------------------------------------------------------------------------- tags

  /** Base of this package's tags: failures are recorded on the interpreter, then rethrown. */
  abstract static class PyTag implements Tag {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final String endName;

    /** A tag {@code name} closed by {@code endName} (null for a tag without a body). */
    PyTag(String name, String endName) {
      this.name = name;
      this.endName = endName;
    }

    @Override
    public final String getName() {
      return name;
    }

    @Override
    public final String getEndTagName() {
      return endName;
    }

    @Override
    public final String interpret(TagNode node, JinjavaInterpreter interpreter) {
      try {
        return run(node, interpreter, new RenderFrame(interpreter));
      } catch (PyException e) {
        throw py(interpreter).fail(e);
      }
    }

    abstract String run(TagNode node, JinjavaInterpreter interpreter, RenderFrame f);
  }

  /** {@code elif} and {@code else}: markers that their enclosing {@code if} / {@code for} reads. */
  static final class Marker extends PyTag {
    private static final long serialVersionUID = 1L;

    Marker(String name) {
      super(name, null);
    }

    @Override
    String run(TagNode node, JinjavaInterpreter interpreter, RenderFrame f) {
      return "";
    }
  }

  static final class If extends PyTag {
    private static final long serialVersionUID = 1L;

    If() {
      super("if", "endif");
    }

    @Override
    String run(TagNode node, JinjavaInterpreter interpreter, RenderFrame f) {
      boolean taken = Py.truthy(((Expr) part(node, interpreter)).eval(f));
      List<Node> branch = new ArrayList<>();
      for (Node child : node.getChildren()) {
        boolean elif = isMarker(child, "elif");
        if (elif || isMarker(child, "else")) {
          if (taken) {
            break;
          }
          taken = !elif || Py.truthy(((Expr) part((TagNode) child, interpreter)).eval(f));
          continue;
        }
        if (taken) {
          branch.add(child);
        }
      }
      return taken ? render(branch, interpreter) : "";
    }
  }

  static final class For extends PyTag {
    private static final long serialVersionUID = 1L;

    For() {
      super("for", "endfor");
    }

    @Override
    String run(TagNode node, JinjavaInterpreter interpreter, RenderFrame f) {
      JinjaStatements.For st = statement(node, interpreter);
      List<Node> body = new ArrayList<>();
      List<Node> otherwise = new ArrayList<>();
      List<Node> target = body;
      for (Node child : node.getChildren()) {
        if (isMarker(child, "else") && target == body) {
          target = otherwise;
          continue;
        }
        target.add(child);
      }
      Object iterable = st.iter().eval(f);
      StringBuilder out = new StringBuilder();
      boolean any = loop(st, iterable, 0, body, interpreter, f, out);
      if (!any) {
        out.append(render(otherwise, interpreter));
      }
      return out.toString();
    }

    private boolean loop(JinjaStatements.For st, Object iterable, int depth, List<Node> body,
        JinjavaInterpreter interpreter, RenderFrame f, StringBuilder out) {
      List<Object> items = Py.iterate(iterable);
      if (st.test() != null) {
        List<Object> kept = new ArrayList<>();
        for (Object item : items) {
          try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
            assign(f, st.target(), item);
            if (Py.truthy(st.test().eval(f))) {
              kept.add(item);
            }
          }
        }
        items = kept;
      }
      Object[] lastChanged = new Object[1];
      Function<Object, String> recurse = st.recursive() ? children -> {
        StringBuilder inner = new StringBuilder();
        loop(st, children, depth + 1, body, interpreter, f, inner);
        return inner.toString();
      } : null;
      for (int i = 0; i < items.size(); i++) {
        try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
          assign(f, st.target(), items.get(i));
          f.assign("loop", new LoopContext(items, i, depth, recurse, lastChanged));
          try {
            out.append(render(body, interpreter));
          } catch (LoopControl c) {
            out.append(c.partial);
            if (c.isBreak) {
              break;
            }
          }
        }
      }
      return !items.isEmpty();
    }
  }

  /** {@code {% set x = ... %}} ({@code set}) and {@code {% set x %}...{% endset %}} ({@code setblock}). */
  static final class SetTag extends PyTag {
    private static final long serialVersionUID = 1L;
    private final boolean block;

    SetTag(boolean block) {
      super(block ? "setblock" : "set", block ? "endsetblock" : null);
      this.block = block;
    }

    @Override
    String run(TagNode node, JinjavaInterpreter interpreter, RenderFrame f) {
      JinjaStatements.Set st = statement(node, interpreter);
      Object value;
      if (st.isBlock()) {
        String body = render(node.getChildren(), interpreter);
        value = body;
        if (st.filter() != null) {
          try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
            f.assign(JinjaStatements.FILTER_BODY, body);
            value = st.filter().eval(f);
          }
        }
      } else {
        value = st.value().eval(f);
      }
      assign(f, st.target(), value);
      return "";
    }
  }

  static final class With extends PyTag {
    private static final long serialVersionUID = 1L;

    With() {
      super("with", "endwith");
    }

    @Override
    String run(TagNode node, JinjavaInterpreter interpreter, RenderFrame f) {
      JinjaStatements.With st = statement(node, interpreter);
      List<Object> values = Expr.evalAll(st.values(), f);
      try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
        for (int i = 0; i < values.size(); i++) {
          assign(f, st.targets().get(i), values.get(i));
        }
        return render(node.getChildren(), interpreter);
      }
    }
  }

  static final class FilterBlock extends PyTag {
    private static final long serialVersionUID = 1L;

    FilterBlock() {
      super("filter", "endfilter");
    }

    @Override
    String run(TagNode node, JinjavaInterpreter interpreter, RenderFrame f) {
      Expr chain = statement(node, interpreter);
      String body = render(node.getChildren(), interpreter);
      try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
        f.assign(JinjaStatements.FILTER_BODY, body);
        return Py.str(chain.eval(f));
      }
    }
  }

  static final class Print extends PyTag {
    private static final long serialVersionUID = 1L;

    Print() {
      super("print", null);
    }

    @Override
    String run(TagNode node, JinjavaInterpreter interpreter, RenderFrame f) {
      List<Expr> items = statement(node, interpreter);
      StringBuilder out = new StringBuilder();
      for (Expr e : items) {
        out.append(Py.str(e.eval(f)));
      }
      return out.toString();
    }
  }

  static final class Block extends PyTag {
    private static final long serialVersionUID = 1L;

    Block() {
      super("block", "endblock");
    }

    @Override
    String run(TagNode node, JinjavaInterpreter interpreter, RenderFrame f) {
      try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
        return render(node.getChildren(), interpreter);
      }
    }
  }

  static final class Macro extends PyTag {
    private static final long serialVersionUID = 1L;

    Macro() {
      super("macro", "endmacro");
    }

    @Override
    String run(TagNode node, JinjavaInterpreter interpreter, RenderFrame f) {
      JinjaStatements.Macro st = statement(node, interpreter);
      f.assign(st.name(), new MacroFunction(st, node.getChildren(), interpreter));
      return "";
    }
  }

  /** A macro defined with {@code {% macro %}}: calling it renders its body with the arguments bound. */
  static final class MacroFunction implements PyCallable, PyValue {
    private final JinjaStatements.Macro st;
    private final List<Node> body;
    private final JinjavaInterpreter interpreter;

    MacroFunction(JinjaStatements.Macro st, List<Node> body, JinjavaInterpreter interpreter) {
      this.st = st;
      this.body = body;
      this.interpreter = interpreter;
    }

    @Override
    public Object call(List<Object> args, Map<String, Object> kwargs) {
      int n = st.params().size();
      if (args.size() > n) {
        throw PyException.typeError("macro '" + st.name() + "' takes not more than " + n
            + " argument(s)");
      }
      RenderFrame f = new RenderFrame(interpreter);
      try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
        int firstDefault = n - st.defaults().size();
        for (int i = 0; i < n; i++) {
          String param = st.params().get(i);
          Object value;
          if (i < args.size()) {
            if (kwargs.containsKey(param)) {
              throw PyException.typeError("macro '" + st.name() + "' got multiple values for argument '"
                  + param + "'");
            }
            value = args.get(i);
          } else if (kwargs.containsKey(param)) {
            value = kwargs.get(param);
          } else if (i >= firstDefault) {
            value = st.defaults().get(i - firstDefault).eval(f);
          } else {
            value = Undefined.withHint("parameter " + Py.repr(param) + " was not provided");
          }
          f.assign(param, value);
        }
        for (String k : kwargs.keySet()) {
          if (!st.params().contains(k)) {
            throw PyException.typeError("macro '" + st.name() + "' takes no keyword argument '" + k + "'");
          }
        }
        return render(body, interpreter);
      }
    }

    @Override
    public String typeName() {
      return "Macro";
    }

    @Override
    public String qualifiedTypeName() {
      return "jinja2.runtime.Macro";
    }

    @Override
    public String repr() {
      return "<Macro '" + st.name() + "'>";
    }
  }

  /** include / import / from / extends: lm-eval's loader is the {@code BaseLoader} class itself. */
  static final class LoaderTag extends PyTag {
    private static final long serialVersionUID = 1L;

    LoaderTag(String name) {
      super(name, null);
    }

    @Override
    String run(TagNode node, JinjavaInterpreter interpreter, RenderFrame f) {
      throw PyException.attributeError("'Environment' object has no attribute 'get_source'");
    }
  }

  /** A Jinja2 statement this engine does not implement: fails clearly when rendered. */
  static final class Unsupported extends PyTag {
    private static final long serialVersionUID = 1L;

    Unsupported(String name, String end) {
      super(name, end);
    }

    @Override
    String run(TagNode node, JinjavaInterpreter interpreter, RenderFrame f) {
      throw PyException.runtime("the Jinja2 statement '" + getName()
          + "' is not supported by lm-eval-java's template engine");
    }
  }
}
