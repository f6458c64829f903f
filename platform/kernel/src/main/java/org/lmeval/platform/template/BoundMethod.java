package org.lmeval.platform.template;

import java.util.List;
import java.util.Map;

/** A builtin method bound to its object, e.g. {@code question.strip} before it is called. */
record BoundMethod(Object self, String name) implements PyCallable, PyValue {
  @Override
  public Object call(List<Object> args, Map<String, Object> kwargs) {
    return Methods.call(self, name, args, kwargs);
  }

  @Override
  public String typeName() {
    return "builtin_function_or_method";
  }

  @Override
  public String repr() {
    return "<built-in method " + name + " of " + Py.typeName(self) + " object>";
  }
}
