package org.lmeval.platform.template;

import java.util.LinkedHashMap;
import java.util.Map;

/** Jinja2's {@code namespace(...)}: attributes that {@code {% set ns.attr = ... %}} may change. */
final class Namespace implements PyValue {
  final Map<Object, Object> attrs = new LinkedHashMap<>();

  @Override
  public String typeName() {
    return "Namespace";
  }

  @Override
  public String qualifiedTypeName() {
    return "jinja2.utils.Namespace";
  }

  @Override
  public String repr() {
    return "<Namespace " + Py.repr(attrs) + ">";
  }

  @Override
  public Object attribute(String name) {
    return attrs.containsKey(name) ? attrs.get(name) : Py.ABSENT;
  }
}
