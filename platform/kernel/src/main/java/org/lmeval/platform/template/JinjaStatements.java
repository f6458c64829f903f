package org.lmeval.platform.template;

import java.util.ArrayList;
import java.util.List;
import org.lmeval.platform.template.ExprLexer.Type;

/**
 * Jinja2's statement grammar ({@code jinja2.parser.Parser.parse_for}, {@code parse_set}, ...): parses
 * what follows the tag name, with the parser positioned after it.
 */
final class JinjaStatements {
  /** The variable a {@code {% filter %}} block's or block set's rendered body is bound to. */
  static final String FILTER_BODY = "__jinja_filter_body__";

  private JinjaStatements() {}

  /** {@code if} / {@code elif}: a tuple without inline {@code if}. */
  static Expr condition(ExprParser p) {
    return p.parseTuple(false, false, java.util.Set.of(), false);
  }

  record For(Expr target, Expr iter, Expr test, boolean recursive) {}

  static For forStatement(ExprParser p) {
    Expr target = p.parseAssignTarget(true, false, java.util.Set.of("in"));
    if (!p.skipName("in")) {
      throw p.fail("expected token 'in', got '" + p.describe(p.current()) + "'");
    }
    Expr iter = p.parseTuple(false, false, java.util.Set.of("recursive"), false);
    Expr test = p.skipName("if") ? p.parseExpression(true) : null;
    boolean recursive = p.skipName("recursive");
    return new For(target, iter, test, recursive);
  }

  /** {@code target = value}, or a block set ({@code value} null) with an optional filter chain. */
  record Set(Expr target, Expr value, Expr filter) {
    boolean isBlock() {
      return value == null;
    }
  }

  static Set setStatement(ExprParser p) {
    Expr target = p.parseAssignTarget(true, true, java.util.Set.of());
    if (p.skipOp("=")) {
      return new Set(target, p.parseTuple(false, true, java.util.Set.of(), false), null);
    }
    Expr filter = p.current().isOp("|") ? p.parseFilter(new Expr.Name(FILTER_BODY), false) : null;
    return new Set(target, null, filter);
  }

  record With(List<Expr> targets, List<Expr> values) {}

  static With withStatement(ExprParser p) {
    List<Expr> targets = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    while (!p.atEnd()) {
      if (!targets.isEmpty()) {
        p.expectOp(",");
      }
      targets.add(p.parseAssignTarget(true, false, java.util.Set.of()));
      p.expectOp("=");
      values.add(p.parseExpression(true));
    }
    return new With(targets, values);
  }

  /** {@code {% filter name(args)|... %}}: the chain applied to {@link #FILTER_BODY}. */
  static Expr filterBlock(ExprParser p) {
    return p.parseFilter(new Expr.Name(FILTER_BODY), true);
  }

  record Macro(String name, List<String> params, List<Expr> defaults) {}

  static Macro macroStatement(ExprParser p) {
    String name = p.expectName();
    List<String> params = new ArrayList<>();
    List<Expr> defaults = new ArrayList<>();
    p.expectOp("(");
    while (!p.current().isOp(")")) {
      if (!params.isEmpty()) {
        p.expectOp(",");
      }
      params.add(p.expectName());
      if (p.skipOp("=")) {
        defaults.add(p.parseExpression(true));
      } else if (!defaults.isEmpty()) {
        throw p.fail("non-default argument follows default argument");
      }
    }
    p.expectOp(")");
    return new Macro(name, params, defaults);
  }

  /** {@code {% print a, b %}} prints each expression in turn. */
  static List<Expr> printStatement(ExprParser p) {
    List<Expr> items = new ArrayList<>();
    while (!p.atEnd()) {
      if (!items.isEmpty()) {
        p.expectOp(",");
      }
      items.add(p.parseExpression(true));
    }
    return items;
  }

  static String blockName(ExprParser p) {
    String name = p.expectName();
    while (p.current().type() == Type.NAME
        && (p.current().text().equals("scoped") || p.current().text().equals("required"))) {
      p.next();
    }
    return name;
  }
}
