package org.lmeval.platform.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Jinja2 3.1's builtin tests ({@code jinja2.tests.TESTS}): {@code x is defined}, {@code x is none}, ... */
final class Tests {
  /** A test's implementation: {@code value is name(args)}. */
  interface Body {
    boolean apply(Object value, Args args, Frame frame);
  }

  private Tests() {}

  static Map<String, Body> builtins() {
    Map<String, Body> m = new LinkedHashMap<>();
    m.put("odd", (v, a, f) -> Py.eq(PyOps.mod(v, 2L), 1L));
    m.put("even", (v, a, f) -> Py.eq(PyOps.mod(v, 2L), 0L));
    m.put("divisibleby", (v, a, f) -> Py.eq(PyOps.mod(v, a.count(1, 1).get(0)), 0L));
    m.put("defined", (v, a, f) -> !(v instanceof Undefined));
    m.put("undefined", (v, a, f) -> v instanceof Undefined);
    m.put("filter", (v, a, f) -> v instanceof String s && f.hasFilter(s));
    m.put("test", (v, a, f) -> v instanceof String s && f.hasTest(s));
    m.put("none", (v, a, f) -> v == null);
    m.put("boolean", (v, a, f) -> v instanceof Boolean);
    m.put("false", (v, a, f) -> Boolean.FALSE.equals(v));
    m.put("true", (v, a, f) -> Boolean.TRUE.equals(v));
    m.put("integer", (v, a, f) -> Py.isPlainInt(v));
    m.put("float", (v, a, f) -> Py.isFloat(v));
    m.put("lower", (v, a, f) -> (Boolean) StrMethods.call(Py.str(v), "islower", noArgs("islower")));
    m.put("upper", (v, a, f) -> (Boolean) StrMethods.call(Py.str(v), "isupper", noArgs("isupper")));
    m.put("string", (v, a, f) -> v instanceof String);
    m.put("mapping", (v, a, f) -> v instanceof Map);
    m.put("number", (v, a, f) -> Py.isNumber(v));
    m.put("sequence", (v, a, f) -> v instanceof String || v instanceof List || v instanceof Map
        || v instanceof PyRange);
    m.put("iterable", (v, a, f) -> {
      if (v instanceof Undefined u) {
        throw u.error();
      }
      return v instanceof String || v instanceof java.util.Collection || v instanceof Map
          || (v instanceof PyValue pv && pv.items() != null && !(v instanceof PyIterator))
          || v instanceof PyIterator;
    });
    m.put("callable", (v, a, f) -> v instanceof PyCallable || v instanceof Undefined);
    m.put("sameas", (v, a, f) -> sameAs(v, a.count(1, 1).get(0)));
    m.put("escaped", (v, a, f) -> false);
    m.put("in", (v, a, f) -> PyOps.contains(a.count(1, 1).get(0), v));
    Body eq = (v, a, f) -> Py.eq(v, a.count(1, 1).get(0));
    Body ne = (v, a, f) -> !Py.eq(v, a.count(1, 1).get(0));
    Body gt = (v, a, f) -> Py.compare(v, a.count(1, 1).get(0), ">");
    Body ge = (v, a, f) -> Py.compare(v, a.count(1, 1).get(0), ">=");
    Body lt = (v, a, f) -> Py.compare(v, a.count(1, 1).get(0), "<");
    Body le = (v, a, f) -> Py.compare(v, a.count(1, 1).get(0), "<=");
    for (String n : Set.of("==", "eq", "equalto")) {
      m.put(n, eq);
    }
    for (String n : Set.of("!=", "ne")) {
      m.put(n, ne);
    }
    for (String n : Set.of(">", "gt", "greaterthan")) {
      m.put(n, gt);
    }
    for (String n : Set.of(">=", "ge")) {
      m.put(n, ge);
    }
    for (String n : Set.of("<", "lt", "lessthan")) {
      m.put(n, lt);
    }
    for (String n : Set.of("<=", "le")) {
      m.put(n, le);
    }
    return m;
  }

  private static Args noArgs(String name) {
    return new Args(name, List.of(), Map.of());
  }

  /** {@code value is other}: identity, with Python's cached small ints and interned singletons. */
  private static boolean sameAs(Object v, Object other) {
    if (v == other) {
      return true;
    }
    if (v == null || other == null) {
      return false;
    }
    if (v instanceof Boolean || other instanceof Boolean) {
      return v.equals(other);
    }
    if (Py.isPlainInt(v) && Py.isPlainInt(other) && Py.fitsLong(v) && Py.fitsLong(other)) {
      long x = Py.longValue(v);
      return x == Py.longValue(other) && x >= -5 && x <= 256;
    }
    return false;
  }
}
