package org.lmeval.platform.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpreterFactory;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;

/**
 * Jinjava's interpreter with Python output and Python errors: {@code {{ value }}} prints Python's
 * {@code str(value)}, and the first Python exception raised while rendering is kept (Jinjava would
 * log it and carry on) so that {@link JinjaRenderer} can raise it, as Jinja2 does.
 */
final class PyInterpreter extends JinjavaInterpreter {
  private PyException failure;
  private CompiledTemplate template;
  private boolean lenientUndefined;
  private boolean transformersExtensions;

  PyInterpreter(Jinjava application, Context context, JinjavaConfig config) {
    super(application, context, config);
  }

  PyInterpreter(JinjavaInterpreter orig) {
    super(orig);
  }

  /** The interpreter rendering on this thread. */
  static PyInterpreter current() {
    JinjavaInterpreter current = JinjavaInterpreter.getCurrent();
    if (!(current instanceof PyInterpreter p)) {
      throw new IllegalStateException("not rendering with the Python-compatible Jinjava");
    }
    return p;
  }

  /** Whether missing names give Jinja2's plain {@code Undefined} (transformers' chat templates) instead of strict. */
  boolean lenientUndefined() {
    return lenientUndefined;
  }

  void lenientUndefined(boolean lenient) {
    this.lenientUndefined = lenient;
  }

  /** Whether transformers' chat-template additions apply (its {@code tojson}). */
  boolean transformersExtensions() {
    return transformersExtensions;
  }

  void transformersExtensions(boolean on) {
    this.transformersExtensions = on;
  }

  /** Remembers the first failure of this render, and returns it for throwing. */
  PyException fail(PyException e) {
    if (failure == null) {
      failure = e;
    }
    return e;
  }

  PyException failure() {
    return failure;
  }

  /** The template being rendered (its expressions and statements, by reference). */
  CompiledTemplate template() {
    return template;
  }

  void template(CompiledTemplate compiled) {
    this.template = compiled;
  }

  @Override
  public String getAsString(Object value) {
    try {
      return Py.str(value == RenderFrame.NONE ? null : value);
    } catch (PyException e) {
      fail(e);
      return "";
    }
  }

  /** Creates {@link PyInterpreter}s for Jinjava. */
  static final class Factory implements InterpreterFactory {
    @Override
    public JinjavaInterpreter newInstance(JinjavaInterpreter orig) {
      return new PyInterpreter(orig);
    }

    @Override
    public JinjavaInterpreter newInstance(Jinjava application, Context context, JinjavaConfig config) {
      return new PyInterpreter(application, context, config);
    }
  }
}
