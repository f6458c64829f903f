package org.lmeval.platform.template;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.util.ScopeMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluation frame of a render: variables come from Jinjava's scopes (template assignments, loop
 * variables) then the doc, then Jinja2's globals; filters and tests from Jinjava's libraries (only
 * the Jinja2 ones this package registers count).
 */
final class RenderFrame implements Frame {
  /** The context key under which the doc's fields are bound (a map that may hold None values). */
  static final String DOC_KEY = "__lmeval_jinja_doc__";
  /** Stands for Python None inside Jinjava scopes, which treat null as absent. */
  static final Object NONE = new Object() {
    @Override
    public String toString() {
      return "None";
    }
  };
  private static final Map<String, Object> GLOBALS = Globals.builtins();

  private final JinjavaInterpreter interpreter;

  RenderFrame(JinjavaInterpreter interpreter) {
    this.interpreter = interpreter;
  }

  JinjavaInterpreter interpreter() {
    return interpreter;
  }

  /** Stores a template variable in the innermost scope. */
  void assign(String name, Object value) {
    interpreter.getContext().put(name, value == null ? NONE : value);
  }

  @Override
  public Object lookup(String name) {
    Map<?, ?> doc = null;
    for (ScopeMap<String, Object> scope = interpreter.getContext(); scope != null;
        scope = scope.getParent()) {
      Map<String, Object> local = scope.getScope();
      Object value = local.get(name);
      if (value != null) {
        return value == NONE ? null : value;
      }
      if (doc == null && local.get(DOC_KEY) instanceof Map<?, ?> d) {
        doc = d;
      }
    }
    if (doc != null && doc.containsKey(name)) {
      return doc.get(name);
    }
    Object global = GLOBALS.get(name);
    return global != null ? global : Undefined.variable(name);
  }

  @Override
  public Object filter(String name, Object value, List<Object> args, Map<String, Object> kwargs) {
    Filter f = library().getFilter(name);
    if (!(f instanceof JinjaFilter jf)) {
      throw PyException.assertion("No filter named '" + name + "'.");
    }
    return jf.apply(value, args, kwargs, this);
  }

  @Override
  public boolean test(String name, Object value, List<Object> args, Map<String, Object> kwargs) {
    ExpTest t = library().getExpTest(name);
    if (!(t instanceof JinjaTest jt)) {
      throw PyException.assertion("No test named '" + name + "'.");
    }
    return jt.apply(value, args, kwargs, this);
  }

  @Override
  public boolean hasFilter(String name) {
    return library().getFilter(name) instanceof JinjaFilter;
  }

  @Override
  public boolean hasTest(String name) {
    return library().getExpTest(name) instanceof JinjaTest;
  }

  private Context library() {
    return interpreter.getContext();
  }
}
