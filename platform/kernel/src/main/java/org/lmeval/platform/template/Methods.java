package org.lmeval.platform.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lmeval.platform.python.PythonTuple;

/** Python attribute lookup on builtin values, and the builtin methods of list, tuple, dict and numbers. */
final class Methods {
  private static final Set<String> LIST = Set.of("index", "count", "copy", "append", "extend",
      "insert", "pop", "remove", "reverse", "sort", "clear");
  private static final Set<String> TUPLE = Set.of("index", "count");
  private static final Set<String> DICT = Set.of("keys", "values", "items", "get", "copy", "pop",
      "setdefault", "update", "clear", "popitem");
  private static final Set<String> INT = Set.of("bit_length", "conjugate");
  private static final Set<String> FLOAT = Set.of("is_integer", "conjugate");

  private Methods() {}

  /** Python's {@code getattr(obj, name)} for builtin values; {@link Py#ABSENT} if it has none. */
  static Object attribute(Object obj, String name) {
    if (obj instanceof Undefined u) {
      throw u.error();
    }
    if (obj instanceof String) {
      return StrMethods.NAMES.contains(name) ? new BoundMethod(obj, name) : Py.ABSENT;
    }
    if (obj instanceof PythonTuple) {
      return TUPLE.contains(name) ? new BoundMethod(obj, name) : Py.ABSENT;
    }
    if (obj instanceof List) {
      return LIST.contains(name) ? new BoundMethod(obj, name) : Py.ABSENT;
    }
    if (obj instanceof Map) {
      return DICT.contains(name) ? new BoundMethod(obj, name) : Py.ABSENT;
    }
    if (Py.isInt(obj)) {
      return switch (name) {
        case "real", "numerator" -> Py.intResult(Py.bigInt(obj));
        case "imag" -> 0L;
        case "denominator" -> 1L;
        default -> INT.contains(name) ? new BoundMethod(obj, name) : Py.ABSENT;
      };
    }
    if (Py.isFloat(obj)) {
      return switch (name) {
        case "real" -> Py.toDouble(obj);
        case "imag" -> 0.0;
        default -> FLOAT.contains(name) ? new BoundMethod(obj, name) : Py.ABSENT;
      };
    }
    if (obj instanceof PyValue v) {
      return v.attribute(name);
    }
    return Py.ABSENT;
  }

  static Object call(Object self, String name, List<Object> args, Map<String, Object> kwargs) {
    Args a = new Args(name, args, kwargs);
    if (self instanceof String s) {
      return StrMethods.call(s, name, a);
    }
    if (self instanceof List<?> l) {
      return listMethod(l, name, a);
    }
    if (self instanceof Map<?, ?> m) {
      return dictMethod(m, name, a);
    }
    if (Py.isInt(self)) {
      a.noKeywords().count(0, 0);
      return name.equals("bit_length") ? (long) Py.bigInt(self).abs().bitLength()
          : Py.intResult(Py.bigInt(self));
    }
    if (Py.isFloat(self)) {
      a.noKeywords().count(0, 0);
      double d = Py.toDouble(self);
      return name.equals("is_integer") ? (Object) (!Double.isInfinite(d) && d == Math.rint(d)) : d;
    }
    throw new IllegalArgumentException(name);
  }

  @SuppressWarnings("unchecked")
  private static Object listMethod(List<?> list, String name, Args a) {
    List<Object> l = (List<Object>) list;
    switch (name) {
      case "index" -> {
        a.noKeywords().count(1, 3);
        Object x = a.get(0);
        int n = l.size();
        long start = a.size() > 1 ? clampIndex(Args.index(a.get(1)), n) : 0;
        long end = a.size() > 2 ? clampIndex(Args.index(a.get(2)), n) : n;
        for (int i = (int) start; i < end && i < l.size(); i++) {
          if (Py.eq(l.get(i), x)) {
            return (long) i;
          }
        }
        throw PyException.valueError(
            (l instanceof PythonTuple ? "tuple.index(x): x not in tuple" : Py.repr(x) + " is not in list"));
      }
      case "count" -> {
        Object x = a.noKeywords().count(1, 1).get(0);
        long n = 0;
        for (Object item : l) {
          if (Py.eq(item, x)) {
            n++;
          }
        }
        return n;
      }
      case "copy" -> {
        a.noKeywords().count(0, 0);
        return new ArrayList<>(l);
      }
      case "append" -> {
        l.add(a.noKeywords().count(1, 1).get(0));
        return null;
      }
      case "extend" -> {
        l.addAll(Py.iterate(a.noKeywords().count(1, 1).get(0)));
        return null;
      }
      case "insert" -> {
        a.noKeywords().count(2, 2);
        long i = Args.index(a.get(0));
        l.add((int) Math.max(0, Math.min(l.size(), i < 0 ? i + l.size() : i)), a.get(1));
        return null;
      }
      case "pop" -> {
        a.noKeywords().count(0, 1);
        if (l.isEmpty()) {
          throw PyException.indexError("pop from empty list");
        }
        long i = a.size() > 0 ? Args.index(a.get(0)) : -1;
        if (i < 0) {
          i += l.size();
        }
        if (i < 0 || i >= l.size()) {
          throw PyException.indexError("pop index out of range");
        }
        return l.remove((int) i);
      }
      case "remove" -> {
        Object x = a.noKeywords().count(1, 1).get(0);
        for (int i = 0; i < l.size(); i++) {
          if (Py.eq(l.get(i), x)) {
            l.remove(i);
            return null;
          }
        }
        throw PyException.valueError("list.remove(x): x not in list");
      }
      case "reverse" -> {
        a.noKeywords().count(0, 0);
        Collections.reverse(l);
        return null;
      }
      case "sort" -> {
        a.count(0, 0).keywords("reverse");
        List<Object> sorted = Filters.sorted(l, Py.truthy(a.get(99, "reverse", false)), true, null);
        l.clear();
        l.addAll(sorted);
        return null;
      }
      case "clear" -> {
        a.noKeywords().count(0, 0);
        l.clear();
        return null;
      }
      default -> throw new IllegalArgumentException(name);
    }
  }

  private static long clampIndex(long i, int n) {
    if (i < 0) {
      i += n;
    }
    return Math.max(0, Math.min(n, i));
  }

  @SuppressWarnings("unchecked")
  private static Object dictMethod(Map<?, ?> map, String name, Args a) {
    Map<Object, Object> m = (Map<Object, Object>) map;
    switch (name) {
      case "keys" -> {
        a.noKeywords().count(0, 0);
        return new DictView(m, DictView.Kind.KEYS);
      }
      case "values" -> {
        a.noKeywords().count(0, 0);
        return new DictView(m, DictView.Kind.VALUES);
      }
      case "items" -> {
        a.noKeywords().count(0, 0);
        return new DictView(m, DictView.Kind.ITEMS);
      }
      case "get" -> {
        a.noKeywords().count(1, 2);
        Object v = Py.dictGet(m, a.get(0));
        return v == Py.ABSENT ? (a.size() > 1 ? a.get(1) : null) : v;
      }
      case "copy" -> {
        a.noKeywords().count(0, 0);
        return new LinkedHashMap<>(m);
      }
      case "pop" -> {
        a.noKeywords().count(1, 2);
        Object v = Py.dictGet(m, a.get(0));
        if (v == Py.ABSENT) {
          if (a.size() > 1) {
            return a.get(1);
          }
          throw PyException.keyError(Py.repr(a.get(0)));
        }
        removeKey(m, a.get(0));
        return v;
      }
      case "setdefault" -> {
        a.noKeywords().count(1, 2);
        Object v = Py.dictGet(m, a.get(0));
        if (v == Py.ABSENT) {
          v = a.size() > 1 ? a.get(1) : null;
          Py.dictPut(m, a.get(0), v);
        }
        return v;
      }
      case "update" -> {
        a.count(0, 1);
        if (a.size() == 1) {
          Object other = a.get(0);
          if (other instanceof Map<?, ?> om) {
            om.forEach((k, v) -> Py.dictPut(m, k, v));
          } else {
            for (Object pair : Py.iterate(other)) {
              List<Object> kv = Py.iterate(pair);
              if (kv.size() != 2) {
                throw PyException.valueError("dictionary update sequence element has length "
                    + kv.size() + "; 2 is required");
              }
              Py.dictPut(m, kv.get(0), kv.get(1));
            }
          }
        }
        a.keywords().forEach((k, v) -> Py.dictPut(m, k, v));
        return null;
      }
      case "clear" -> {
        a.noKeywords().count(0, 0);
        m.clear();
        return null;
      }
      case "popitem" -> {
        a.noKeywords().count(0, 0);
        if (m.isEmpty()) {
          throw PyException.keyError("'popitem(): dictionary is empty'");
        }
        Object last = null;
        for (Object k : m.keySet()) {
          last = k;
        }
        Object v = m.remove(last);
        return PythonTuple.of(last, v);
      }
      default -> throw new IllegalArgumentException(name);
    }
  }

  private static void removeKey(Map<Object, Object> m, Object key) {
    if (m.containsKey(key)) {
      m.remove(key);
      return;
    }
    m.keySet().removeIf(k -> k != null && !(k instanceof String) && Py.eq(k, key));
  }
}
