package org.lmeval.platform.template;

import org.lmeval.api.support.PythonStrings;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lmeval.platform.python.PythonFloat;
import org.lmeval.platform.python.PythonStr;
import org.lmeval.platform.python.PythonTuple;

/**
 * Python's object protocol over the Java values templates see: type names, truth value,
 * {@code len}, iteration, {@code ==}, ordering, {@code str()} and {@code repr()}, and dict lookup by
 * Python equality.
 *
 * <p>Value mapping: {@code None} = {@code null}; {@code bool} = {@link Boolean}; {@code int} =
 * {@link Integer}, {@link Long}, {@link Short}, {@link Byte} or {@link BigInteger}; {@code float} =
 * {@link Double}, {@link Float} or {@link BigDecimal}; {@code str} = {@link String}; {@code tuple} =
 * {@link PythonTuple}; {@code list} = any other {@link List}; {@code dict} = {@link Map};
 * {@code set} = {@link Set}; plus the template-only types {@link Undefined}, {@link PyRange},
 * {@link DictView}, {@link PyCallable}, {@link LoopContext}, {@link Namespace}. The repr of str and
 * float is {@link PythonStr}'s and {@link PythonFloat}'s; containers are walked here because they may
 * hold template-only values.
 */
final class Py {
  /** Returned by {@link #dictGet} when the key is absent. */
  static final Object ABSENT = new Object();

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private Py() {}

  // ------------------------------------------------------------------------------------ types

  /** {@code isinstance(o, int)}: booleans are ints in Python. */
  static boolean isInt(Object o) {
    return o instanceof Long || o instanceof Integer || o instanceof Boolean
        || o instanceof BigInteger || o instanceof Short || o instanceof Byte;
  }

  /** An int that is not a bool. */
  static boolean isPlainInt(Object o) {
    return isInt(o) && !(o instanceof Boolean);
  }

  static boolean isFloat(Object o) {
    return o instanceof Double || o instanceof Float || o instanceof BigDecimal;
  }

  static boolean isNumber(Object o) {
    return isInt(o) || isFloat(o);
  }

  static boolean isTuple(Object o) {
    return o instanceof PythonTuple;
  }

  static boolean isList(Object o) {
    return o instanceof List && !(o instanceof PythonTuple);
  }

  /** The value of an int as a {@link BigInteger}. */
  static BigInteger bigInt(Object o) {
    if (o instanceof BigInteger b) {
      return b;
    }
    if (o instanceof Boolean b) {
      return b ? BigInteger.ONE : BigInteger.ZERO;
    }
    return BigInteger.valueOf(((Number) o).longValue());
  }

  /** The value of an int that fits a long; callers check {@link #fitsLong} first. */
  static long longValue(Object o) {
    if (o instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return ((Number) o).longValue();
  }

  static boolean fitsLong(Object o) {
    return !(o instanceof BigInteger b) || b.bitLength() < 64;
  }

  /** An int result: a {@link Long} when it fits, else the {@link BigInteger}. */
  static Object intResult(BigInteger value) {
    return value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0
        ? (Object) value.longValue()
        : value;
  }

  /** {@code float(o)} for an int or float; OverflowError for ints too large. */
  static double toDouble(Object o) {
    if (o instanceof Double d) {
      return d;
    }
    if (o instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    if (o instanceof BigInteger b) {
      double d = b.doubleValue();
      if (Double.isInfinite(d)) {
        throw PyException.overflow("int too large to convert to float");
      }
      return d;
    }
    return ((Number) o).doubleValue();
  }

  /** Python's type name: {@code str}, {@code int}, {@code NoneType}, {@code list}, ... */
  static String typeName(Object o) {
    if (o == null) {
      return "NoneType";
    }
    if (o instanceof Boolean) {
      return "bool";
    }
    if (isInt(o)) {
      return "int";
    }
    if (isFloat(o)) {
      return "float";
    }
    if (o instanceof String) {
      return "str";
    }
    if (o instanceof PythonTuple) {
      return "tuple";
    }
    if (o instanceof List) {
      return "list";
    }
    if (o instanceof Map) {
      return "dict";
    }
    if (o instanceof Set) {
      return "set";
    }
    if (o instanceof PyValue v) {
      return v.typeName();
    }
    if (o instanceof Undefined) {
      return "StrictUndefined";
    }
    return o.getClass().getSimpleName();
  }

  /** Jinja2's {@code object_type_repr}: {@code "str object"}, {@code "None"}, ... */
  static String objectTypeRepr(Object o) {
    if (o == null) {
      return "None";
    }
    if (o instanceof PyValue v) {
      return v.qualifiedTypeName() + " object";
    }
    if (o instanceof Undefined) {
      return "jinja2.runtime.StrictUndefined object";
    }
    return typeName(o) + " object";
  }

  // ------------------------------------------------------------------------------ protocol

  /** {@code bool(o)}. */
  static boolean truthy(Object o) {
    if (o == null) {
      return false;
    }
    if (o instanceof Boolean b) {
      return b;
    }
    if (o instanceof String s) {
      return !s.isEmpty();
    }
    if (o instanceof Long l) {
      return l != 0;
    }
    if (o instanceof Double d) {
      return d != 0.0;
    }
    if (isInt(o)) {
      return bigInt(o).signum() != 0;
    }
    if (isFloat(o)) {
      return toDouble(o) != 0.0;
    }
    if (o instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (o instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (o instanceof Undefined u) {
      return u.truthy();
    }
    if (o instanceof PyValue v) {
      return v.truthy();
    }
    return true;
  }

  /** {@code len(o)}. */
  static int len(Object o) {
    if (o instanceof String s) {
      return s.codePointCount(0, s.length());
    }
    if (o instanceof Collection<?> c) {
      return c.size();
    }
    if (o instanceof Map<?, ?> m) {
      return m.size();
    }
    if (o instanceof Undefined u) {
      return u.len();
    }
    if (o instanceof PyValue v && v.length() >= 0) {
      return v.length();
    }
    throw PyException.typeError("object of type '" + typeName(o) + "' has no len()");
  }

  /** {@code list(iter(o))}: characters of a string, keys of a dict, items of a sequence. */
  static List<Object> iterate(Object o) {
    if (o instanceof String s) {
      List<Object> chars = new ArrayList<>(s.length());
      for (int i = 0; i < s.length(); ) {
        int cp = s.codePointAt(i);
        int n = Character.charCount(cp);
        chars.add(s.substring(i, i + n));
        i += n;
      }
      return chars;
    }
    if (o instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    if (o instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    if (o instanceof Map<?, ?> m) {
      return new ArrayList<>(m.keySet());
    }
    if (o instanceof Undefined u) {
      return u.iterate();
    }
    if (o instanceof PyValue v) {
      List<Object> items = v.items();
      if (items != null) {
        return items;
      }
    }
    throw PyException.typeError("'" + typeName(o) + "' object is not iterable");
  }

  /** {@code a == b}. */
  static boolean eq(Object a, Object b) {
    if (a instanceof Undefined u) {
      return u.eq(b);
    }
    if (b instanceof Undefined u) {
      return u.eq(a);
    }
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (isNumber(a) && isNumber(b)) {
      return numericCompare(a, b) == 0;
    }
    if (a instanceof String || b instanceof String) {
      return a.equals(b);
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      if (isTuple(a) != isTuple(b) || la.size() != lb.size()) {
        return false;
      }
      for (int i = 0; i < la.size(); i++) {
        if (!eq(la.get(i), lb.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      if (ma.size() != mb.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : ma.entrySet()) {
        Object other = dictGet(mb, e.getKey());
        if (other == ABSENT || !eq(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Set<?> sa && b instanceof Set<?> sb) {
      if (sa.size() != sb.size()) {
        return false;
      }
      for (Object x : sa) {
        if (!setContains(sb, x)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof PyValue va) {
      return va.pyEquals(b);
    }
    return a.equals(b);
  }

  /** Three-way comparison of two numbers by exact value (NaN compares as unordered: 2). */
  static int numericCompare(Object a, Object b) {
    if (isInt(a) && isInt(b)) {
      if (fitsLong(a) && fitsLong(b)) {
        return Long.compare(longValue(a), longValue(b));
      }
      return bigInt(a).compareTo(bigInt(b));
    }
    if (isFloat(a) && isFloat(b)) {
      double x = toDouble(a);
      double y = toDouble(b);
      if (Double.isNaN(x) || Double.isNaN(y)) {
        return 2;
      }
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    // int against float: exact, as CPython does
    boolean floatFirst = isFloat(a);
    double f = toDouble(floatFirst ? a : b);
    Object i = floatFirst ? b : a;
    int cmp;
    if (Double.isNaN(f)) {
      return 2;
    } else if (Double.isInfinite(f)) {
      cmp = f > 0 ? -1 : 1; // int compared to +inf: int is smaller
    } else if (fitsLong(i) && Math.abs(longValue(i)) <= (1L << 53)) {
      double di = longValue(i);
      cmp = di < f ? -1 : (di > f ? 1 : 0);
    } else {
      cmp = new BigDecimal(bigInt(i)).compareTo(new BigDecimal(f));
    }
    return floatFirst ? -cmp : cmp;
  }

  /** {@code a < b}, {@code a <= b}, {@code a > b}, {@code a >= b} ({@code op} is the symbol). */
  static boolean compare(Object a, Object b, String op) {
    if (a instanceof Undefined u) {
      throw u.error();
    }
    if (b instanceof Undefined u) {
      throw u.error();
    }
    int cmp;
    if (isNumber(a) && isNumber(b)) {
      cmp = numericCompare(a, b);
      if (cmp == 2) {
        return false;
      }
    } else if (a instanceof String sa && b instanceof String sb) {
      cmp = PythonStrings.compare(sa, sb);
    } else if (a instanceof List<?> la && b instanceof List<?> lb && isTuple(a) == isTuple(b)) {
      int n = Math.min(la.size(), lb.size());
      for (int i = 0; i < n; i++) {
        if (!eq(la.get(i), lb.get(i))) {
          return compare(la.get(i), lb.get(i), op);
        }
      }
      cmp = Integer.compare(la.size(), lb.size());
    } else {
      throw PyException.typeError("'" + op + "' not supported between instances of '"
          + typeName(a) + "' and '" + typeName(b) + "'");
    }
    return switch (op) {
      case "<" -> cmp < 0;
      case "<=" -> cmp <= 0;
      case ">" -> cmp > 0;
      case ">=" -> cmp >= 0;
      default -> throw new IllegalArgumentException(op);
    };
  }

  // ------------------------------------------------------------------------- dict and set

  /** Raises {@code TypeError: unhashable type} for values Python cannot use as keys. */
  static void checkHashable(Object key) {
    if (key instanceof Undefined u) {
      throw u.error();
    }
    if (isList(key) || key instanceof Map || key instanceof Set) {
      throw PyException.typeError("unhashable type: '" + typeName(key) + "'");
    }
    if (key instanceof PythonTuple t) {
      for (Object item : t) {
        checkHashable(item);
      }
    }
  }

  /** {@code d[key]} by Python equality ({@code 1 == 1.0 == True}), or {@link #ABSENT}. */
  static Object dictGet(Map<?, ?> map, Object key) {
    checkHashable(key);
    Object value = map.get(key);
    if (value != null || map.containsKey(key)) {
      return value;
    }
    if (key == null || key instanceof String) {
      return ABSENT;
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Object k = e.getKey();
      if (k != null && !(k instanceof String) && keyEquals(k, key)) {
        return e.getValue();
      }
    }
    return ABSENT;
  }

  /** Stores {@code d[key] = value}, keeping an existing Python-equal key object as Python does. */
  @SuppressWarnings("unchecked")
  static void dictPut(Map<?, ?> map, Object key, Object value) {
    checkHashable(key);
    Map<Object, Object> m = (Map<Object, Object>) map;
    if (!(key == null || key instanceof String) && !m.containsKey(key)) {
      for (Object k : m.keySet()) {
        if (k != null && !(k instanceof String) && keyEquals(k, key)) {
          m.put(k, value);
          return;
        }
      }
    }
    m.put(key, value);
  }

  static boolean setContains(Set<?> set, Object item) {
    checkHashable(item);
    if (set.contains(item)) {
      return true;
    }
    for (Object x : set) {
      if (x != null && !(x instanceof String) && keyEquals(x, item)) {
        return true;
      }
    }
    return false;
  }

  private static boolean keyEquals(Object a, Object b) {
    try {
      return eq(a, b);
    } catch (PyException e) {
      return false;
    }
  }

  // ------------------------------------------------------------------------- str and repr

  /** {@code str(o)}. */
  static String str(Object o) {
    if (o instanceof String s) {
      return s;
    }
    if (o instanceof Undefined u) {
      return u.str();
    }
    return repr(o);
  }

  /** {@code repr(o)}. */
  static String repr(Object o) {
    StringBuilder sb = new StringBuilder();
    appendRepr(sb, o);
    return sb.toString();
  }

  static void appendRepr(StringBuilder sb, Object o) {
    if (o == null) {
      sb.append("None");
    } else if (o instanceof String s) {
      PythonStr.appendStringRepr(sb, s);
    } else if (o instanceof Boolean b) {
      sb.append(b ? "True" : "False");
    } else if (isInt(o)) {
      sb.append(o instanceof BigInteger bi ? bi.toString() : Long.toString(longValue(o)));
    } else if (isFloat(o)) {
      sb.append(PythonFloat.repr(toDouble(o)));
    } else if (o instanceof PythonTuple t) {
      sb.append('(');
      appendItems(sb, t);
      if (t.size() == 1) {
        sb.append(',');
      }
      sb.append(')');
    } else if (o instanceof List<?> l) {
      sb.append('[');
      appendItems(sb, l);
      sb.append(']');
    } else if (o instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        appendRepr(sb, e.getKey());
        sb.append(": ");
        appendRepr(sb, e.getValue());
      }
      sb.append('}');
    } else if (o instanceof Set<?> s) {
      if (s.isEmpty()) {
        sb.append("set()");
      } else {
        sb.append('{');
        appendItems(sb, s);
        sb.append('}');
      }
    } else if (o instanceof PyValue v) {
      sb.append(v.repr());
    } else {
      sb.append(o);
    }
  }

  private static void appendItems(StringBuilder sb, Collection<?> items) {
    Iterator<?> it = items.iterator();
    while (it.hasNext()) {
      appendRepr(sb, it.next());
      if (it.hasNext()) {
        sb.append(", ");
      }
    }
  }
}
