package org.lmeval.platform.template;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ExpressionFactory;
import jinjava.javax.el.MethodExpression;
import jinjava.javax.el.ValueExpression;

/**
 * Jinjava's hook for its expression language, replaced by Jinja2's: every {@code {{ ... }}} that
 * Jinjava evaluates is parsed by {@link ExprParser} and evaluated with Python semantics.
 */
final class PyExpressionFactory extends ExpressionFactory {
  private static final int CACHE_LIMIT = 20_000;
  private final Map<String, Expr> cache = new ConcurrentHashMap<>();

  /** The parsed form of a {@code {{ }}} body (cached: templates are rendered once per doc). */
  Expr parse(String source) {
    Expr e = cache.get(source);
    if (e == null) {
      e = ExprParser.parseOutput(source, 1);
      if (cache.size() >= CACHE_LIMIT) {
        cache.clear();
      }
      cache.put(source, e);
    }
    return e;
  }

  @Override
  public ValueExpression createValueExpression(ELContext context, String expression, Class<?> expectedType) {
    String source = expression;
    if (source.startsWith("#{") && source.endsWith("}")) {
      source = source.substring(2, source.length() - 1);
    }
    PyInterpreter interpreter = PyInterpreter.current();
    try {
      return new PyValueExpression(parse(source), source);
    } catch (PyException e) {
      throw interpreter.fail(e);
    }
  }

  @Override
  public ValueExpression createValueExpression(Object instance, Class<?> expectedType) {
    return new PyValueExpression(new Expr.Const(instance), String.valueOf(instance));
  }

  @Override
  public MethodExpression createMethodExpression(ELContext context, String expression,
      Class<?> expectedReturnType, Class<?>[] expectedParamTypes) {
    throw new UnsupportedOperationException("Jinja2 expressions have no method expressions");
  }

  @Override
  public Object coerceToType(Object obj, Class<?> targetType) {
    return obj;
  }

  /** One parsed expression, evaluated against the interpreter rendering on this thread. */
  static final class PyValueExpression extends ValueExpression {
    private static final long serialVersionUID = 1L;
    private final transient Expr expr;
    private final String source;

    PyValueExpression(Expr expr, String source) {
      this.expr = expr;
      this.source = source;
    }

    @Override
    public Object getValue(ELContext context) {
      PyInterpreter interpreter = PyInterpreter.current();
      try {
        return expr.eval(new RenderFrame(interpreter));
      } catch (PyException e) {
        throw interpreter.fail(e);
      }
    }

    @Override
    public void setValue(ELContext context, Object value) {
      throw new UnsupportedOperationException("read-only");
    }

    @Override
    public boolean isReadOnly(ELContext context) {
      return true;
    }

    @Override
    public Class<?> getType(ELContext context) {
      return Object.class;
    }

    @Override
    public Class<?> getExpectedType() {
      return Object.class;
    }

    @Override
    public String getExpressionString() {
      return source;
    }

    @Override
    public boolean isLiteralText() {
      return false;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PyValueExpression p && p.source.equals(source);
    }

    @Override
    public int hashCode() {
      return source.hashCode();
    }
  }
}
