package org.lmeval.platform.template;

/**
 * A Python exception raised while a template is parsed or rendered: {@link #type()} is the Python
 * class name Jinja2 would raise ({@code UndefinedError}, {@code TypeError}, {@code ValueError},
 * {@code TemplateSyntaxError}, ...), the message is Python's. {@link JinjaRenderer} turns it into a
 * {@link JinjaTemplateException}.
 */
final class PyException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String type;

  PyException(String type, String message) {
    super(message, null, false, false);
    this.type = type;
  }

  String type() {
    return type;
  }

  static PyException typeError(String message) {
    return new PyException("TypeError", message);
  }

  static PyException valueError(String message) {
    return new PyException("ValueError", message);
  }

  static PyException undefined(String message) {
    return new PyException("UndefinedError", message);
  }

  static PyException syntax(String message) {
    return new PyException("TemplateSyntaxError", message);
  }

  static PyException assertion(String message) {
    return new PyException("TemplateAssertionError", message);
  }

  static PyException runtime(String message) {
    return new PyException("TemplateRuntimeError", message);
  }

  static PyException zeroDivision(String message) {
    return new PyException("ZeroDivisionError", message);
  }

  static PyException overflow(String message) {
    return new PyException("OverflowError", message);
  }

  static PyException indexError(String message) {
    return new PyException("IndexError", message);
  }

  static PyException keyError(String message) {
    return new PyException("KeyError", message);
  }

  static PyException attributeError(String message) {
    return new PyException("AttributeError", message);
  }
}
