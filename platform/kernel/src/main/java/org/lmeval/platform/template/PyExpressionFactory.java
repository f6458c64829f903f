package org.lmeval.platform.template;

import jinjava.javax.el.ELContext;
import jinjava.javax.el.ExpressionFactory;
import jinjava.javax.el.MethodExpression;
import jinjava.javax.el.ValueExpression;

/**
 * Jinjava's hook for its expression language, replaced by Jinja2's. The canonical template Jinjava
 * renders holds references ({@code {{ __jx7 }}}) to expressions {@link TemplateCompiler} has already
 * parsed; they are evaluated with Python semantics.
 */
final class PyExpressionFactory extends ExpressionFactory {
  @Override
  public ValueExpression createValueExpression(ELContext context, String expression, Class<?> expectedType) {
    String source = expression;
    if (source.startsWith("#{") && source.endsWith("}")) {
      source = source.substring(2, source.length() - 1);
    }
    Expr expr = (Expr) PyInterpreter.current().template().part(source);
    return new PyValueExpression(expr, source);
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
