package org.lmeval.platform.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lmeval.platform.template.ExprLexer.Token;
import org.lmeval.platform.template.ExprLexer.Type;

/**
 * Jinja2's expression grammar ({@code jinja2.parser.Parser.parse_tuple} and below), over the tokens
 * of one {@code {{ }}} or one statement. Operator precedence, chained comparisons, filters and tests
 * bind as in Jinja2, not as in Jinjava's EL.
 */
final class ExprParser {
  private static final Set<String> COMPARE = Set.of("==", "!=", "<", "<=", ">", ">=");

  private final List<Token> tokens;
  private final int firstLine;
  private final String source;
  private int i;

  private ExprParser(String source, int firstLine) {
    this.source = source;
    this.tokens = ExprLexer.tokenize(source);
    this.firstLine = firstLine;
  }

  /** Parses the content of {@code {{ ... }}}: a tuple or a single expression. */
  static Expr parseOutput(String source, int line) {
    ExprParser p = new ExprParser(source, line);
    Expr e = p.parseTuple(false, true, Set.of(), false);
    p.expectEnd();
    return e;
  }

  /** A parser over a statement's text; the caller consumes it piece by piece. */
  static ExprParser of(String source, int line) {
    return new ExprParser(source, line);
  }

  // ------------------------------------------------------------------------ token stream

  Token current() {
    return tokens.get(i);
  }

  Token look() {
    return tokens.get(Math.min(i + 1, tokens.size() - 1));
  }

  Token next() {
    Token t = tokens.get(i);
    if (t.type() != Type.EOF) {
      i++;
    }
    return t;
  }

  boolean atEnd() {
    return current().type() == Type.EOF;
  }

  boolean skipName(String name) {
    if (current().isName(name)) {
      i++;
      return true;
    }
    return false;
  }

  boolean skipOp(String op) {
    if (current().isOp(op)) {
      i++;
      return true;
    }
    return false;
  }

  Token expectOp(String op) {
    if (!current().isOp(op)) {
      throw unexpected(op);
    }
    return next();
  }

  String expectName() {
    if (current().type() != Type.NAME) {
      throw unexpected("name");
    }
    return next().text();
  }

  void expectEnd() {
    if (!atEnd()) {
      throw PyException.syntax("expected token 'end of statement block', got '"
          + current().describe() + "'");
    }
  }

  private PyException unexpected(String expected) {
    Token t = current();
    if (t.type() == Type.EOF) {
      return PyException.syntax("unexpected end of template, expected '" + expected + "'.");
    }
    return PyException.syntax("expected token '" + expected + "', got '" + t.describe() + "'");
  }

  PyException fail(String message) {
    return PyException.syntax(message);
  }

  int line() {
    int pos = current().pos();
    int line = firstLine;
    for (int k = 0; k < Math.min(pos, source.length()); k++) {
      if (source.charAt(k) == '\n') {
        line++;
      }
    }
    return line;
  }

  // ----------------------------------------------------------------------------- grammar

  /** {@code parse_tuple}: expressions separated by commas make a tuple. */
  Expr parseTuple(boolean simplified, boolean withCondexpr, Set<String> extraEndRules,
      boolean explicitParentheses) {
    return parseTuple(simplified, withCondexpr, extraEndRules, explicitParentheses, false);
  }

  private Expr parseTuple(boolean simplified, boolean withCondexpr, Set<String> extraEndRules,
      boolean explicitParentheses, boolean withNamespace) {
    List<Expr> args = new ArrayList<>();
    boolean isTuple = false;
    while (true) {
      if (!args.isEmpty()) {
        expectOp(",");
      }
      if (isTupleEnd(extraEndRules)) {
        break;
      }
      args.add(simplified ? parsePrimary(withNamespace) : parseExpression(withCondexpr));
      if (current().isOp(",")) {
        isTuple = true;
      } else {
        break;
      }
    }
    if (!isTuple) {
      if (!args.isEmpty()) {
        return args.get(0);
      }
      if (!explicitParentheses) {
        throw fail("Expected an expression, got '" + describeEnd() + "'");
      }
    }
    return new Expr.TupleLit(args);
  }

  private String describeEnd() {
    return atEnd() ? "end of statement block" : current().describe();
  }

  private boolean isTupleEnd(Set<String> extraEndRules) {
    Token t = current();
    if (t.type() == Type.EOF || t.isOp(")")) {
      return true;
    }
    return t.type() == Type.NAME && extraEndRules.contains(t.text());
  }

  Expr parseExpression(boolean withCondexpr) {
    return withCondexpr ? parseCondexpr() : parseOr();
  }

  private Expr parseCondexpr() {
    int line = line();
    Expr expr1 = parseOr();
    while (skipName("if")) {
      Expr expr2 = parseOr();
      Expr expr3 = skipName("else") ? parseCondexpr() : null;
      expr1 = new Expr.CondExpr(expr2, expr1, expr3, line);
      line = line();
    }
    return expr1;
  }

  private Expr parseOr() {
    Expr left = parseAnd();
    while (skipName("or")) {
      left = new Expr.Or(left, parseAnd());
    }
    return left;
  }

  private Expr parseAnd() {
    Expr left = parseNot();
    while (skipName("and")) {
      left = new Expr.And(left, parseNot());
    }
    return left;
  }

  private Expr parseNot() {
    if (skipName("not")) {
      return new Expr.Not(parseNot());
    }
    return parseCompare();
  }

  private Expr parseCompare() {
    Expr expr = parseMath1();
    List<Expr.Operand> ops = new ArrayList<>();
    while (true) {
      Token t = current();
      if (t.type() == Type.OP && COMPARE.contains(t.text())) {
        next();
        String op = switch (t.text()) {
          case "==" -> "eq";
          case "!=" -> "ne";
          case "<" -> "lt";
          case "<=" -> "lteq";
          case ">" -> "gt";
          default -> "gteq";
        };
        ops.add(new Expr.Operand(op, parseMath1()));
      } else if (skipName("in")) {
        ops.add(new Expr.Operand("in", parseMath1()));
      } else if (t.isName("not") && look().isName("in")) {
        next();
        next();
        ops.add(new Expr.Operand("notin", parseMath1()));
      } else {
        break;
      }
    }
    return ops.isEmpty() ? expr : new Expr.Compare(expr, ops);
  }

  private Expr parseMath1() {
    Expr left = parseConcat();
    while (current().isOp("+") || current().isOp("-")) {
      boolean add = next().text().equals("+");
      left = new Expr.Binary(add ? Expr.BinOp.ADD : Expr.BinOp.SUB, left, parseConcat());
    }
    return left;
  }

  private Expr parseConcat() {
    List<Expr> args = new ArrayList<>();
    args.add(parseMath2());
    while (skipOp("~")) {
      args.add(parseMath2());
    }
    return args.size() == 1 ? args.get(0) : new Expr.Concat(args);
  }

  private Expr parseMath2() {
    Expr left = parsePow();
    while (true) {
      Token t = current();
      Expr.BinOp op;
      if (t.isOp("*")) {
        op = Expr.BinOp.MUL;
      } else if (t.isOp("/")) {
        op = Expr.BinOp.DIV;
      } else if (t.isOp("//")) {
        op = Expr.BinOp.FLOORDIV;
      } else if (t.isOp("%")) {
        op = Expr.BinOp.MOD;
      } else {
        return left;
      }
      next();
      left = new Expr.Binary(op, left, parsePow());
    }
  }

  private Expr parsePow() {
    Expr left = parseUnary(true);
    while (skipOp("**")) {
      left = new Expr.Binary(Expr.BinOp.POW, left, parseUnary(true));
    }
    return left;
  }

  private Expr parseUnary(boolean withFilter) {
    Expr node;
    if (skipOp("-")) {
      node = new Expr.Neg(parseUnary(false));
    } else if (skipOp("+")) {
      node = new Expr.Pos(parseUnary(false));
    } else {
      node = parsePrimary(false);
    }
    node = parsePostfix(node);
    if (withFilter) {
      node = parseFilterExpr(node);
    }
    return node;
  }

  /** {@code parse_primary}; with {@code withNamespace}, {@code name.attr} is a namespace ref. */
  Expr parsePrimary(boolean withNamespace) {
    Token t = current();
    switch (t.type()) {
      case NAME -> {
        next();
        switch (t.text()) {
          case "true", "True" -> {
            return new Expr.Const(Boolean.TRUE);
          }
          case "false", "False" -> {
            return new Expr.Const(Boolean.FALSE);
          }
          case "none", "None" -> {
            return new Expr.Const(null);
          }
          default -> {
            if (withNamespace && current().isOp(".")) {
              next();
              return new Expr.NsRef(t.text(), expectName());
            }
            return new Expr.Name(t.text());
          }
        }
      }
      case STRING -> {
        StringBuilder sb = new StringBuilder((String) next().value());
        while (current().type() == Type.STRING) {
          sb.append((String) next().value());
        }
        return new Expr.Const(sb.toString());
      }
      case INTEGER, FLOAT -> {
        return new Expr.Const(next().value());
      }
      case OP -> {
        if (t.isOp("(")) {
          next();
          Expr e = parseTuple(false, true, Set.of(), true);
          expectOp(")");
          return e;
        }
        if (t.isOp("[")) {
          return parseList();
        }
        if (t.isOp("{")) {
          return parseDict();
        }
        throw fail("unexpected '" + t.text() + "'");
      }
      default -> throw fail(atEnd() ? "unexpected 'end of statement block'"
          : "unexpected '" + t.describe() + "'");
    }
  }

  private Expr parseList() {
    expectOp("[");
    List<Expr> items = new ArrayList<>();
    while (!current().isOp("]")) {
      if (!items.isEmpty()) {
        expectOp(",");
      }
      if (current().isOp("]")) {
        break;
      }
      items.add(parseExpression(true));
    }
    expectOp("]");
    return new Expr.ListLit(items);
  }

  private Expr parseDict() {
    expectOp("{");
    List<Expr> keys = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    while (!current().isOp("}")) {
      if (!keys.isEmpty()) {
        expectOp(",");
      }
      if (current().isOp("}")) {
        break;
      }
      keys.add(parseExpression(true));
      expectOp(":");
      values.add(parseExpression(true));
    }
    expectOp("}");
    return new Expr.DictLit(keys, values);
  }

  private Expr parsePostfix(Expr node) {
    while (true) {
      Token t = current();
      if (t.isOp(".") || t.isOp("[")) {
        node = parseSubscript(node);
      } else if (t.isOp("(")) {
        node = new Expr.Call(node, parseCallArgs());
      } else {
        return node;
      }
    }
  }

  private Expr parseFilterExpr(Expr node) {
    while (true) {
      Token t = current();
      if (t.isOp("|")) {
        node = parseFilter(node, false);
      } else if (t.isName("is")) {
        node = parseTest(node);
      } else if (t.isOp("(")) {
        node = new Expr.Call(node, parseCallArgs());
      } else {
        return node;
      }
    }
  }

  private Expr parseSubscript(Expr node) {
    Token t = next();
    if (t.isOp(".")) {
      Token attr = next();
      if (attr.type() == Type.NAME) {
        return new Expr.Getattr(node, attr.text());
      }
      if (attr.type() != Type.INTEGER) {
        throw fail("expected name or number");
      }
      return new Expr.Getitem(node, new Expr.Const(attr.value()));
    }
    List<Expr> args = new ArrayList<>();
    while (!current().isOp("]")) {
      if (!args.isEmpty()) {
        expectOp(",");
      }
      args.add(parseSubscribed());
    }
    expectOp("]");
    Expr arg = args.size() == 1 ? args.get(0) : new Expr.TupleLit(args);
    return new Expr.Getitem(node, arg);
  }

  private Expr parseSubscribed() {
    List<Expr> args = new ArrayList<>();
    if (current().isOp(":")) {
      next();
      args.add(null);
    } else {
      Expr node = parseExpression(true);
      if (!current().isOp(":")) {
        return node;
      }
      next();
      args.add(node);
    }
    if (current().isOp(":")) {
      args.add(null);
    } else if (!current().isOp("]") && !current().isOp(",")) {
      args.add(parseExpression(true));
    } else {
      args.add(null);
    }
    if (current().isOp(":")) {
      next();
      if (!current().isOp("]") && !current().isOp(",")) {
        args.add(parseExpression(true));
      } else {
        args.add(null);
      }
    } else {
      args.add(null);
    }
    return new Expr.Slice(args.get(0), args.get(1), args.get(2));
  }

  private Expr.Arguments parseCallArgs() {
    expectOp("(");
    List<Expr> args = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Expr> kwargs = new ArrayList<>();
    Expr dynArgs = null;
    Expr dynKwargs = null;
    boolean requireComma = false;
    while (!current().isOp(")")) {
      if (requireComma) {
        expectOp(",");
        if (current().isOp(")")) {
          break;
        }
      }
      if (current().isOp("*")) {
        ensure(dynArgs == null && dynKwargs == null);
        next();
        dynArgs = parseExpression(true);
      } else if (current().isOp("**")) {
        ensure(dynKwargs == null);
        next();
        dynKwargs = parseExpression(true);
      } else if (current().type() == Type.NAME && look().isOp("=")) {
        ensure(dynKwargs == null);
        names.add(next().text());
        next();
        kwargs.add(parseExpression(true));
      } else {
        ensure(dynArgs == null && dynKwargs == null && kwargs.isEmpty());
        args.add(parseExpression(true));
      }
      requireComma = true;
    }
    expectOp(")");
    return new Expr.Arguments(args, names, kwargs, dynArgs, dynKwargs);
  }

  private void ensure(boolean ok) {
    if (!ok) {
      throw fail("invalid syntax for function call expression");
    }
  }

  /** {@code parse_filter}: {@code |name(args)} repeated; {@code startInline} for filter blocks. */
  Expr parseFilter(Expr node, boolean startInline) {
    while (current().isOp("|") || startInline) {
      if (!startInline) {
        next();
      }
      StringBuilder name = new StringBuilder(expectName());
      while (current().isOp(".")) {
        next();
        name.append('.').append(expectName());
      }
      Expr.Arguments args = current().isOp("(") ? parseCallArgs() : Expr.Arguments.NONE;
      node = new Expr.Filter(node, name.toString(), args);
      startInline = false;
    }
    return node;
  }

  private Expr parseTest(Expr node) {
    next(); // 'is'
    boolean negated = skipName("not");
    StringBuilder name = new StringBuilder(expectName());
    while (current().isOp(".")) {
      next();
      name.append('.').append(expectName());
    }
    Expr.Arguments args;
    Token t = current();
    if (t.isOp("(")) {
      args = parseCallArgs();
    } else if ((t.type() == Type.NAME || t.type() == Type.STRING || t.type() == Type.INTEGER
        || t.type() == Type.FLOAT || t.isOp("(") || t.isOp("[") || t.isOp("{"))
        && !t.isName("else") && !t.isName("or") && !t.isName("and")) {
      if (t.isName("is")) {
        throw fail("You cannot chain multiple tests with is");
      }
      Expr arg = parsePostfix(parsePrimary(false));
      args = new Expr.Arguments(List.of(arg), List.of(), List.of(), null, null);
    } else {
      args = Expr.Arguments.NONE;
    }
    Expr test = new Expr.Test(node, name.toString(), args);
    return negated ? new Expr.Not(test) : test;
  }

  /** {@code parse_assign_target}: a name, a tuple of names, or (with namespace) {@code ns.attr}. */
  Expr parseAssignTarget(boolean withTuple, boolean withNamespace, Set<String> extraEndRules) {
    Expr target = withTuple ? parseTuple(true, true, extraEndRules, false, withNamespace)
        : parsePrimary(withNamespace);
    checkStorable(target);
    return target;
  }

  private void checkStorable(Expr target) {
    if (target instanceof Expr.Name n) {
      if (Set.of("true", "false", "none", "True", "False", "None").contains(n.name())) {
        throw fail("Can't assign to " + n.name());
      }
      return;
    }
    if (target instanceof Expr.NsRef) {
      return;
    }
    if (target instanceof Expr.TupleLit t) {
      for (Expr item : t.items()) {
        checkStorable(item);
      }
      return;
    }
    throw fail("can't assign to '" + describe(target) + "'");
  }

  private static String describe(Expr e) {
    return e.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }
}
