package org.lmeval.platform.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.FlexibleTag;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.TagToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.lmeval.platform.template.ExprLexer.Type;

/**
 * Jinja2's statements as Jinjava tags: {@code if/elif/else}, {@code for} (with {@code else}, an
 * {@code if} filter, {@code loop}, unpacking, recursion), {@code set} (also block set and namespace
 * attributes), {@code with}, {@code filter}, {@code print}, {@code block}, {@code macro}, and the
 * loader tags that fail as they do under lm-eval's {@code BaseLoader}. Statement text is parsed with
 * Jinja2's grammar ({@link ExprParser}); scoping follows Jinja2 (each loop iteration has its own
 * scope, {@code if} has none).
 */
final class JinjaTags {
  private static final Map<String, Object> PARSED = new ConcurrentHashMap<>();

  private JinjaTags() {}

  /** Every Jinja2 tag this engine implements (Jinjava's raw tag handles {@code {% raw %}}). */
  static List<Tag> all() {
    return List.of(new If(), new Marker("elif"), new Marker("else"), new For(), new SetTag(),
        new With(), new FilterBlock(), new Print(), new Block(), new Macro(),
        new LoaderTag("include"), new LoaderTag("import"), new LoaderTag("from"),
        new LoaderTag("extends"), new Unsupported("call", "endcall"),
        new Unsupported("autoescape", "endautoescape"));
  }

  // ------------------------------------------------------------------------------ parsing

  /** A parsed statement, cached by tag and text (templates render once per doc). */
  @SuppressWarnings("unchecked")
  static <T> T parsed(String tag, String helpers, Function<ExprParser, T> parser) {
    String key = tag + '\u0000' + helpers;
    Object cached = PARSED.get(key);
    if (cached == null) {
      ExprParser p = ExprParser.of(helpers, 1);
      cached = parser.apply(p);
      p.expectEnd();
      if (PARSED.size() > 20_000) {
        PARSED.clear();
      }
      PARSED.put(key, cached);
    }
    return (T) cached;
  }

  static Expr condition(String tag, String helpers) {
    return parsed(tag, helpers, p -> p.parseTuple(false, false, Set.of(), false));
  }

  record ForStatement(Expr target, Expr iter, Expr test, boolean recursive) {}

  static ForStatement forStatement(String helpers) {
    return parsed("for", helpers, p -> {
      Expr target = p.parseAssignTarget(true, false, Set.of("in"));
      if (!p.skipName("in")) {
        throw p.fail("expected token 'in', got '" + p.current().describe() + "'");
      }
      Expr iter = p.parseTuple(false, false, Set.of("recursive"), false);
      Expr test = p.skipName("if") ? p.parseExpression(true) : null;
      boolean recursive = p.skipName("recursive");
      return new ForStatement(target, iter, test, recursive);
    });
  }

  /** {@code target = value}, or a block set ({@code value} null) with an optional filter chain. */
  record SetStatement(Expr target, Expr value, Expr filter) {
    boolean isBlock() {
      return value == null;
    }
  }

  static SetStatement setStatement(String helpers) {
    return parsed("set", helpers, p -> {
      Expr target = p.parseAssignTarget(true, true, Set.of());
      if (p.skipOp("=")) {
        return new SetStatement(target, p.parseTuple(false, true, Set.of(), false), null);
      }
      Expr filter = p.current().isOp("|") ? p.parseFilter(new Expr.Name(FILTER_BODY), false) : null;
      return new SetStatement(target, null, filter);
    });
  }

  record WithStatement(List<Expr> targets, List<Expr> values) {}

  static WithStatement withStatement(String helpers) {
    return parsed("with", helpers, p -> {
      List<Expr> targets = new ArrayList<>();
      List<Expr> values = new ArrayList<>();
      while (!p.atEnd()) {
        if (!targets.isEmpty()) {
          p.expectOp(",");
        }
        targets.add(p.parseAssignTarget(true, false, Set.of()));
        p.expectOp("=");
        values.add(p.parseExpression(true));
      }
      return new WithStatement(targets, values);
    });
  }

  static final String FILTER_BODY = "__jinja_filter_body__";

  static Expr filterBlock(String helpers) {
    return parsed("filter", helpers, p -> p.parseFilter(new Expr.Name(FILTER_BODY), true));
  }

  record MacroStatement(String name, List<String> params, List<Expr> defaults) {}

  static MacroStatement macroStatement(String helpers) {
    return parsed("macro", helpers, p -> {
      String name = p.expectName();
      List<String> params = new ArrayList<>();
      List<Expr> defaults = new ArrayList<>();
      p.expectOp("(");
      while (!p.current().isOp(")")) {
        if (!params.isEmpty()) {
          p.expectOp(",");
        }
        String param = p.expectName();
        params.add(param);
        if (p.skipOp("=")) {
          defaults.add(p.parseExpression(true));
        } else if (!defaults.isEmpty()) {
          throw p.fail("non-default argument follows default argument");
        }
      }
      p.expectOp(")");
      return new MacroStatement(name, params, defaults);
    });
  }

  static Expr printStatement(String helpers) {
    return parsed("print", helpers, p -> p.parseTuple(false, true, Set.of(), false));
  }

  static String blockName(String helpers) {
    return parsed("block", helpers, p -> {
      String name = p.expectName();
      while (p.current().type() == Type.NAME
          && (p.current().text().equals("scoped") || p.current().text().equals("required"))) {
        p.next();
      }
      return name;
    });
  }

  // ------------------------------------------------------------------------------ helpers

  static PyInterpreter py(JinjavaInterpreter interpreter) {
    return (PyInterpreter) interpreter;
  }

  static String render(List<Node> nodes, JinjavaInterpreter interpreter) {
    StringBuilder sb = new StringBuilder();
    for (Node n : nodes) {
      sb.append(n.render(interpreter).getValue());
    }
    return sb.toString();
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
    private final String name;

    Marker(String name) {
      this.name = name;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public String getEndTagName() {
      return null;
    }

    @Override
    String run(TagNode node, JinjavaInterpreter interpreter, RenderFrame f) {
      return "";
    }
  }

  static final class If extends PyTag {
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
      return "if";
    }

    @Override
    public String getEndTagName() {
      return "endif";
    }

    @Override
    String run(TagNode node, JinjavaInterpreter interpreter, RenderFrame f) {
      boolean taken = Py.truthy(condition("if", node.getHelpers()).eval(f));
      List<Node> branch = new ArrayList<>();
      for (Node child : node.getChildren()) {
        boolean elif = isMarker(child, "elif");
        if (elif || isMarker(child, "else")) {
          if (taken) {
            break;
          }
          taken = !elif || Py.truthy(condition("elif", ((TagNode) child).getHelpers()).eval(f));
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

    @Override
    public String getName() {
      return "for";
    }

    @Override
    public String getEndTagName() {
      return "endfor";
    }

    @Override
    String run(TagNode node, JinjavaInterpreter interpreter, RenderFrame f) {
      ForStatement st = forStatement(node.getHelpers());
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
      Object iterable = st.iter.eval(f);
      StringBuilder out = new StringBuilder();
      boolean any = loop(st, iterable, 0, body, interpreter, f, out);
      if (!any) {
        out.append(render(otherwise, interpreter));
      }
      return out.toString();
    }

    private boolean loop(ForStatement st, Object iterable, int depth, List<Node> body,
        JinjavaInterpreter interpreter, RenderFrame f, StringBuilder out) {
      List<Object> items = Py.iterate(iterable);
      if (st.test != null) {
        List<Object> kept = new ArrayList<>();
        for (Object item : items) {
          try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
            assign(f, st.target, item);
            if (Py.truthy(st.test.eval(f))) {
              kept.add(item);
            }
          }
        }
        items = kept;
      }
      Object[] lastChanged = new Object[1];
      Function<Object, String> recurse = st.recursive ? children -> {
        StringBuilder inner = new StringBuilder();
        loop(st, children, depth + 1, body, interpreter, f, inner);
        return inner.toString();
      } : null;
      for (int i = 0; i < items.size(); i++) {
        try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
          assign(f, st.target, items.get(i));
          f.assign("loop", new LoopContext(items, i, depth, recurse, lastChanged));
          out.append(render(body, interpreter));
        }
      }
      return !items.isEmpty();
    }
  }

  static final class SetTag extends PyTag implements FlexibleTag {
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
      return "set";
    }

    @Override
    public String getEndTagName() {
      return "endset";
    }

    @Override
    public boolean hasEndTag(TagToken token) {
      try {
        return setStatement(token.getHelpers()).isBlock();
      } catch (PyException e) {
        return false;
      }
    }

    @Override
    String run(TagNode node, JinjavaInterpreter interpreter, RenderFrame f) {
      SetStatement st = setStatement(node.getHelpers());
      Object value;
      if (st.isBlock()) {
        String body = render(node.getChildren(), interpreter);
        value = body;
        if (st.filter != null) {
          try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
            f.assign(FILTER_BODY, body);
            value = st.filter.eval(f);
          }
        }
      } else {
        value = st.value.eval(f);
      }
      assign(f, st.target, value);
      return "";
    }
  }

  static final class With extends PyTag {
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
      return "with";
    }

    @Override
    public String getEndTagName() {
      return "endwith";
    }

    @Override
    String run(TagNode node, JinjavaInterpreter interpreter, RenderFrame f) {
      WithStatement st = withStatement(node.getHelpers());
      List<Object> values = Expr.evalAll(st.values, f);
      try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
        for (int i = 0; i < values.size(); i++) {
          assign(f, st.targets.get(i), values.get(i));
        }
        return render(node.getChildren(), interpreter);
      }
    }
  }

  static final class FilterBlock extends PyTag {
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
      return "filter";
    }

    @Override
    public String getEndTagName() {
      return "endfilter";
    }

    @Override
    String run(TagNode node, JinjavaInterpreter interpreter, RenderFrame f) {
      Expr chain = filterBlock(node.getHelpers());
      String body = render(node.getChildren(), interpreter);
      try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
        f.assign(FILTER_BODY, body);
        return Py.str(chain.eval(f));
      }
    }
  }

  static final class Print extends PyTag {
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
      return "print";
    }

    @Override
    public String getEndTagName() {
      return null;
    }

    @Override
    String run(TagNode node, JinjavaInterpreter interpreter, RenderFrame f) {
      return Py.str(printStatement(node.getHelpers()).eval(f));
    }
  }

  static final class Block extends PyTag {
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
      return "block";
    }

    @Override
    public String getEndTagName() {
      return "endblock";
    }

    @Override
    String run(TagNode node, JinjavaInterpreter interpreter, RenderFrame f) {
      blockName(node.getHelpers());
      try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
        return render(node.getChildren(), interpreter);
      }
    }
  }

  static final class Macro extends PyTag {
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
      return "macro";
    }

    @Override
    public String getEndTagName() {
      return "endmacro";
    }

    @Override
    String run(TagNode node, JinjavaInterpreter interpreter, RenderFrame f) {
      MacroStatement st = macroStatement(node.getHelpers());
      f.assign(st.name, new MacroFunction(st, node.getChildren(), interpreter));
      return "";
    }
  }

  /** A macro defined with {@code {% macro %}}: calling it renders its body with the arguments bound. */
  static final class MacroFunction implements PyCallable, PyValue {
    private final MacroStatement st;
    private final List<Node> body;
    private final JinjavaInterpreter interpreter;

    MacroFunction(MacroStatement st, List<Node> body, JinjavaInterpreter interpreter) {
      this.st = st;
      this.body = body;
      this.interpreter = interpreter;
    }

    @Override
    public Object call(List<Object> args, Map<String, Object> kwargs) {
      int n = st.params.size();
      if (args.size() > n) {
        throw PyException.typeError("macro '" + st.name + "' takes not more than " + n
            + " argument(s)");
      }
      RenderFrame f = new RenderFrame(interpreter);
      try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
        int firstDefault = n - st.defaults.size();
        for (int i = 0; i < n; i++) {
          String param = st.params.get(i);
          Object value;
          if (i < args.size()) {
            if (kwargs.containsKey(param)) {
              throw PyException.typeError("macro '" + st.name + "' got multiple values for argument '"
                  + param + "'");
            }
            value = args.get(i);
          } else if (kwargs.containsKey(param)) {
            value = kwargs.get(param);
          } else if (i >= firstDefault) {
            value = st.defaults.get(i - firstDefault).eval(f);
          } else {
            value = Undefined.withHint("parameter " + Py.repr(param) + " was not provided");
          }
          f.assign(param, value);
        }
        for (String k : kwargs.keySet()) {
          if (!st.params.contains(k)) {
            throw PyException.typeError("macro '" + st.name + "' takes no keyword argument '" + k + "'");
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
      return "<Macro '" + st.name + "'>";
    }
  }

  /** include / import / from / extends: lm-eval's loader is the {@code BaseLoader} class itself. */
  static final class LoaderTag extends PyTag {
    private static final long serialVersionUID = 1L;
    private final String name;

    LoaderTag(String name) {
      this.name = name;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public String getEndTagName() {
      return null;
    }

    @Override
    String run(TagNode node, JinjavaInterpreter interpreter, RenderFrame f) {
      throw PyException.attributeError("'Environment' object has no attribute 'get_source'");
    }
  }

  /** A Jinja2 statement this engine does not implement: fails clearly when rendered. */
  static final class Unsupported extends PyTag {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final String end;

    Unsupported(String name, String end) {
      this.name = name;
      this.end = end;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public String getEndTagName() {
      return end;
    }

    @Override
    String run(TagNode node, JinjavaInterpreter interpreter, RenderFrame f) {
      throw PyException.runtime("the Jinja2 statement '" + name
          + "' is not supported by lm-eval-java's template engine");
    }
  }
}
