package org.lmeval.platform.template;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.lmeval.platform.template.TemplateLexer.Data;
import org.lmeval.platform.template.TemplateLexer.Output;
import org.lmeval.platform.template.TemplateLexer.Segment;
import org.lmeval.platform.template.TemplateLexer.Statement;

/**
 * Jinja2's compile step: lexes the template ({@link TemplateLexer}), parses every expression and
 * statement ({@link ExprParser}, {@link JinjaStatements}), checks block nesting and that filters and
 * tests exist (Jinja2 fails on these even in branches that never run), and builds the canonical
 * Jinjava template of a {@link CompiledTemplate}. Keeps state while compiling: use one instance per
 * compile.
 */
final class TemplateCompiler {
  /** The end tags each open block accepts, in Jinja2's order (for its messages). */
  private static final Map<String, List<String>> BLOCKS = Map.of(
      "if", List.of("elif", "else", "endif"),
      "for", List.of("endfor", "else"),
      "set", List.of("endset"),
      "with", List.of("endwith"),
      "filter", List.of("endfilter"),
      "block", List.of("endblock"),
      "macro", List.of("endmacro"),
      "call", List.of("endcall"),
      "autoescape", List.of("endautoescape"),
      "generation", List.of("endgeneration"));

  private final Predicate<String> hasFilter;
  private final Predicate<String> hasTest;
  /**
   * Whether the innermost frame is an {@code if}'s: Jinja2 then defers unknown filters and tests
   * to render time ("No filter named 'x' found."), elsewhere they fail the compile.
   */
  private boolean soft;

  private final boolean trimBlocks;
  private final boolean lstripBlocks;
  private final boolean generationTag;

  TemplateCompiler(Predicate<String> hasFilter, Predicate<String> hasTest) {
    this(hasFilter, hasTest, false, false, false);
  }

  /**
   * A compiler with Jinja2's {@code trim_blocks} and {@code lstrip_blocks} as given, and, when
   * {@code generationTag}, transformers' {@code {% generation %}...{% endgeneration %}} block (it renders its
   * body) and jinja2.ext.loopcontrols' {@code {% break %}} and {@code {% continue %}} inside a for loop.
   */
  TemplateCompiler(Predicate<String> hasFilter, Predicate<String> hasTest, boolean trimBlocks,
      boolean lstripBlocks, boolean generationTag) {
    this.hasFilter = hasFilter;
    this.hasTest = hasTest;
    this.trimBlocks = trimBlocks;
    this.lstripBlocks = lstripBlocks;
    this.generationTag = generationTag;
  }

  /** Compiles a template whose line ends are already {@code \n}; throws Jinja2's compile error. */
  CompiledTemplate compile(String template) {
    soft = false;
    List<Object> parts = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    Deque<String> open = new ArrayDeque<>();
    Deque<List<String>> expected = new ArrayDeque<>();
    for (Segment segment : TemplateLexer.lex(template, trimBlocks, lstripBlocks)) {
      if (segment instanceof Data d) {
        if (!d.raw() && d.text().indexOf('{') < 0) {
          out.append(d.text());
        } else {
          out.append("{{ ").append(add(parts, new Expr.Const(d.text()))).append(" }}");
        }
      } else if (segment instanceof Output o) {
        Expr e = ExprParser.parseOutput(o.source(), o.line());
        if (!o.closed()) {
          throw PyException.syntax("unexpected end of template, expected 'end of print statement'.");
        }
        checkNames(e);
        out.append("{{ ").append(add(parts, e)).append(" }}");
      } else if (segment instanceof Statement s) {
        statement(s, parts, out, open, expected);
      }
    }
    if (!open.isEmpty()) {
      throw unknownTag(null, open, expected);
    }
    return new CompiledTemplate(out.toString(), List.copyOf(parts));
  }

  private static String add(List<Object> parts, Object part) {
    parts.add(part);
    return CompiledTemplate.ref(parts.size() - 1);
  }

  private void statement(Statement s, List<Object> parts, StringBuilder out, Deque<String> open,
      Deque<List<String>> expected) {
    ExprParser p = ExprParser.of(s.source(), s.line());
    if (p.current().type() != ExprLexer.Type.NAME) {
      throw PyException.syntax("tag name expected");
    }
    String name = p.next().text();
    List<String> looking = expected.peek();
    if (looking != null && looking.contains(name)) {
      soft = "if".equals(open.peek());
      if (name.equals("elif")) {
        Expr condition = JinjaStatements.condition(p);
        checkClosed(s, p);
        checkNames(condition);
        out.append("{% elif ").append(add(parts, condition)).append(" %}");
        return;
      }
      if (name.equals("else")) {
        checkClosed(s, p);
        String block = open.peek();
        expected.pop();
        expected.push(List.of(block.equals("if") ? "endif" : "endfor"));
        out.append("{% else %}");
        return;
      }
      if (name.equals("endblock") && p.current().type() == ExprLexer.Type.NAME) {
        p.next();
      }
      checkClosed(s, p);
      String block = open.pop();
      expected.pop();
      soft = "if".equals(open.peek());
      out.append("{% end").append(block.equals("set") ? "setblock" : block.equals("generation") ? "with" : block)
          .append(" %}");
      return;
    }
    Object st;
    String jinjavaTag = name;
    boolean outer = soft;
    if (name.equals("if")) {
      soft = true;
    }
    switch (name) {
      case "if" -> {
        Expr condition = JinjaStatements.condition(p);
        checkNames(condition);
        st = condition;
      }
      case "for" -> {
        JinjaStatements.For f = JinjaStatements.forStatement(p);
        checkNames(f.target(), f.iter(), f.test());
        st = f;
      }
      case "set" -> {
        JinjaStatements.Set set = JinjaStatements.setStatement(p);
        checkNames(set.target(), set.value(), set.filter());
        st = set;
        if (set.isBlock()) {
          jinjavaTag = "setblock";
        }
      }
      case "with" -> {
        JinjaStatements.With w = JinjaStatements.withStatement(p);
        w.targets().forEach(this::checkNames);
        w.values().forEach(this::checkNames);
        st = w;
      }
      case "filter" -> {
        Expr chain = JinjaStatements.filterBlock(p);
        checkNames(chain);
        st = chain;
      }
      case "block" -> st = JinjaStatements.blockName(p);
      case "break", "continue" -> {
        if (!generationTag || !open.contains("for")) {
          throw unknownTag(name, open, expected);
        }
        st = name;
      }
      case "generation" -> {
        if (!generationTag) {
          throw unknownTag(name, open, expected);
        }
        st = JinjaStatements.withStatement(p); // no targets: a scope that renders its body
        jinjavaTag = "with";
      }
      case "macro" -> {
        JinjaStatements.Macro m = JinjaStatements.macroStatement(p);
        m.defaults().forEach(this::checkNames);
        st = m;
      }
      case "print" -> {
        List<Expr> items = JinjaStatements.printStatement(p);
        items.forEach(this::checkNames);
        st = items;
      }
      case "call", "autoescape", "include", "import", "from", "extends" -> {
        while (!p.atEnd()) {
          p.next();
        }
        st = name;
      }
      default -> throw unknownTag(name, open, expected);
    }
    checkClosed(s, p);
    out.append("{% ").append(jinjavaTag).append(' ').append(add(parts, st)).append(" %}");
    if (BLOCKS.containsKey(name) && !(st instanceof JinjaStatements.Set set && !set.isBlock())) {
      open.push(name);
      expected.push(BLOCKS.get(name));
      soft = name.equals("if");
    } else {
      soft = outer;
    }
  }

  private static void checkClosed(Statement s, ExprParser p) {
    p.expectEnd();
    if (!s.closed()) {
      throw PyException.syntax("unexpected end of template, expected 'end of statement block'.");
    }
  }

  private static PyException unknownTag(String name, Deque<String> open,
      Deque<List<String>> expected) {
    Set<String> all = new LinkedHashSet<>();
    expected.forEach(all::addAll);
    List<String> message = new ArrayList<>();
    message.add(name == null ? "Unexpected end of template." : "Encountered unknown tag '" + name + "'.");
    if (!expected.isEmpty()) {
      String looking = String.join(" or ", expected.peek().stream().map(s -> "'" + s + "'").toList());
      if (name != null && all.contains(name)) {
        message.add("You probably made a nesting mistake. Jinja is expecting this tag, but currently"
            + " looking for " + looking + ".");
      } else {
        message.add("Jinja was looking for the following tags: " + looking + ".");
      }
    }
    if (!open.isEmpty()) {
      message.add("The innermost block that needs to be closed is '" + open.peek() + "'.");
    }
    return PyException.syntax(String.join(" ", message));
  }

  /** Parses and checks a lone expression (the inside of {@code {{ }}}) at top level. */
  Expr compileExpression(String source) {
    soft = false;
    Expr e = ExprParser.parseOutput(source, 1);
    checkNames(e);
    return e;
  }

  private void checkNames(Expr... roots) {
    if (soft) {
      return;
    }
    for (Expr root : roots) {
      if (root == null) {
        continue;
      }
      root.walk(e -> {
        if (e instanceof Expr.Filter f && !hasFilter.test(f.name())) {
          throw PyException.assertion("No filter named '" + f.name() + "'.");
        }
        if (e instanceof Expr.Test t && !hasTest.test(t.name())) {
          throw PyException.assertion("No test named '" + t.name() + "'.");
        }
      });
    }
  }
}
