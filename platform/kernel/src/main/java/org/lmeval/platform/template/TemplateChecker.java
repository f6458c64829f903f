package org.lmeval.platform.template;

import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import com.hubspot.jinjava.tree.parse.TagToken;
import com.hubspot.jinjava.tree.parse.TextToken;
import com.hubspot.jinjava.tree.parse.Token;
import com.hubspot.jinjava.tree.parse.TokenScanner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Jinja2 compiles a whole template before rendering it, so a syntax error, an unknown tag, a
 * misnested block or an unknown filter or test fails even in a branch that never runs. Jinjava only
 * finds such problems when it reaches them (and mostly logs them); this checker reproduces Jinja2's
 * compile step over Jinjava's tokens.
 */
final class TemplateChecker {
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
      "raw", List.of("endraw"));

  private final Predicate<String> hasFilter;
  private final Predicate<String> hasTest;

  TemplateChecker(Predicate<String> hasFilter, Predicate<String> hasTest) {
    this.hasFilter = hasFilter;
    this.hasTest = hasTest;
  }

  /** Throws the error Jinja2 raises when compiling {@code template}, if any. */
  void check(String template, JinjavaConfig config) {
    Deque<String> open = new ArrayDeque<>();
    Deque<List<String>> expected = new ArrayDeque<>();
    TokenScanner scanner = new TokenScanner(template, config);
    while (scanner.hasNext()) {
      Token token = scanner.next();
      if (token instanceof TextToken text && !"raw".equals(open.peek())) {
        unclosedDelimiter(text.getImage());
      }
      if (token instanceof ExpressionToken e) {
        checkNames(ExprParser.parseOutput(e.getExpr(), e.getLineNumber()));
      } else if (token instanceof TagToken t) {
        tag(t.getTagName(), t.getHelpers() == null ? "" : t.getHelpers(), t, open, expected);
      }
    }
    if (!open.isEmpty()) {
      throw unknownTag(null, open, expected);
    }
  }

  private void tag(String name, String helpers, TagToken token, Deque<String> open,
      Deque<List<String>> expected) {
    List<String> looking = expected.peek();
    if (looking != null && looking.contains(name)) {
      switch (name) {
        case "elif" -> checkNames(JinjaTags.condition("elif", helpers));
        case "else" -> {
          requireNoArguments(helpers, name);
          if (open.peek().equals("if")) {
            expected.pop();
            expected.push(List.of("endif"));
          } else if (open.peek().equals("for")) {
            expected.pop();
            expected.push(List.of("endfor"));
          }
        }
        default -> {
          requireNoArguments(helpers, name);
          open.pop();
          expected.pop();
        }
      }
      return;
    }
    switch (name) {
      case "if" -> checkNames(JinjaTags.condition("if", helpers));
      case "for" -> {
        JinjaTags.ForStatement st = JinjaTags.forStatement(helpers);
        checkNames(st.target(), st.iter(), st.test());
      }
      case "set" -> {
        JinjaTags.SetStatement st = JinjaTags.setStatement(helpers);
        checkNames(st.target(), st.value(), st.filter());
        if (!st.isBlock()) {
          return;
        }
      }
      case "with" -> {
        JinjaTags.WithStatement st = JinjaTags.withStatement(helpers);
        st.targets().forEach(this::checkNames);
        st.values().forEach(this::checkNames);
      }
      case "filter" -> checkNames(JinjaTags.filterBlock(helpers));
      case "block" -> JinjaTags.blockName(helpers);
      case "macro" -> JinjaTags.macroStatement(helpers).defaults().forEach(this::checkNames);
      case "print" -> {
        checkNames(JinjaTags.printStatement(helpers));
        return;
      }
      case "call", "autoescape", "raw" -> { }
      case "include", "import", "from", "extends" -> {
        return;
      }
      default -> throw unknownTag(name, open, expected);
    }
    open.push(name);
    expected.push(BLOCKS.get(name));
  }

  /**
   * Jinjava leaves a {@code {{}, {@code {%} or {@code {#} that it cannot close (an unterminated string
   * inside it, for example) as text; Jinja2's lexer fails there.
   */
  private static void unclosedDelimiter(String text) {
    for (int i = text.indexOf('{'); i >= 0 && i + 1 < text.length(); i = text.indexOf('{', i + 1)) {
      char next = text.charAt(i + 1);
      if (next == '#') {
        throw PyException.syntax("Missing end of comment tag");
      }
      if (next == '{' || next == '%') {
        ExprLexer.tokenize(text.substring(i + 2));
        throw PyException.syntax("unexpected end of template, expected 'end of "
            + (next == '{' ? "print statement" : "statement block") + "'.");
      }
    }
  }

  private static void requireNoArguments(String helpers, String tag) {
    if (!helpers.isBlank()) {
      ExprParser p = ExprParser.of(helpers, 1);
      throw PyException.syntax("expected token 'end of statement block', got '"
          + p.current().describe() + "'");
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

  private void checkNames(Expr... roots) {
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
