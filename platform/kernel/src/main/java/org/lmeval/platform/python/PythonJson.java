package org.lmeval.platform.python;

import org.lmeval.api.support.PythonStrings;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Python's {@code json.dumps} (CPython 3.11) for the Java values that stand for Python values (see
 * {@link PythonStr}): same separators, indentation, string escaping ({@code ensure_ascii} on or off),
 * floats as {@code repr(float)}, bare {@code NaN}/{@code Infinity}/{@code -Infinity}, dict keys
 * converted as Python does ({@code true}, {@code null}, {@code 1}, {@code 1.5}), and values JSON cannot
 * hold handed to a {@code default} function first.
 *
 * <pre>{@code
 * PythonJson.dumps(value)                       // json.dumps(value)  (", " and ": ", ensure_ascii)
 * PythonJson.dumps(results, PythonJson.Options.RESULTS)  // indent=2, ensure_ascii=False, lm-eval default
 * }</pre>
 */
public final class PythonJson {

  /**
   * The arguments of {@code json.dumps}.
   *
   * @param indent {@code null} for one line, else the indent string ({@code indent=2} is two spaces)
   * @param itemSeparator between items ({@code ", "} without indent, {@code ","} with one)
   * @param keySeparator between a key and its value
   * @param ensureAscii escape every non-ASCII character as {@code &#92;uXXXX}
   * @param sortKeys write dict items sorted by key
   * @param fallback Python's {@code default=}: maps a value JSON cannot hold to one it can
   */
  public record Options(String indent, String itemSeparator, String keySeparator,
      boolean ensureAscii, boolean sortKeys, Function<Object, Object> fallback) {

    /** {@code json.dumps(x, default=handle_non_serializable)}. */
    public static final Options DEFAULT =
        new Options(null, ", ", ": ", true, false, PythonJson::handleNonSerializable);
    /** lm-eval's results file: {@code indent=2, ensure_ascii=False, default=handle_non_serializable}. */
    public static final Options RESULTS = DEFAULT.withIndent(2).withEnsureAscii(false);
    /** lm-eval's samples lines: {@code ensure_ascii=False, default=handle_non_serializable}. */
    public static final Options SAMPLES = DEFAULT.withEnsureAscii(false);

    public Options {
      Objects.requireNonNull(itemSeparator, "itemSeparator");
      Objects.requireNonNull(keySeparator, "keySeparator");
      Objects.requireNonNull(fallback, "fallback");
    }

    /** {@code indent=n} with Python's default separators for an indent ({@code ","}, {@code ": "}). */
    public Options withIndent(int spaces) {
      if (spaces < 0) {
        throw new IllegalArgumentException("indent must be >= 0, got " + spaces);
      }
      return new Options(" ".repeat(spaces), ",", keySeparator, ensureAscii, sortKeys, fallback);
    }

    /** {@code separators=(item, key)}. */
    public Options withSeparators(String item, String key) {
      return new Options(indent, item, key, ensureAscii, sortKeys, fallback);
    }

    public Options withEnsureAscii(boolean on) {
      return new Options(indent, itemSeparator, keySeparator, on, sortKeys, fallback);
    }

    public Options withSortKeys(boolean on) {
      return new Options(indent, itemSeparator, keySeparator, ensureAscii, on, fallback);
    }

    /** {@code default=f}. A function that throws stands for Python's default (TypeError). */
    public Options withFallback(Function<Object, Object> f) {
      return new Options(indent, itemSeparator, keySeparator, ensureAscii, sortKeys, f);
    }
  }

  private final Options options;
  private final StringBuilder out;
  private int level;

  private PythonJson(Options options, StringBuilder out) {
    this.options = options;
    this.out = out;
  }

  /** {@code json.dumps(value, default=handle_non_serializable)}. */
  public static String dumps(Object value) {
    return dumps(value, Options.DEFAULT);
  }

  /** {@code json.dumps(value, **options)}. */
  public static String dumps(Object value, Options options) {
    StringBuilder b = new StringBuilder();
    new PythonJson(options, b).value(value);
    return b.toString();
  }

  /**
   * lm-eval's {@code handle_non_serializable}: a set becomes a list, anything else its {@code str()}
   * (numpy scalars, which it turns into Python numbers, do not exist on the JVM).
   */
  public static Object handleNonSerializable(Object o) {
    if (o instanceof Set) {
      return new ArrayList<>((Set<?>) o);
    }
    return PythonStr.str(o);
  }

  /** Python's default {@code default}: raise. */
  public static Object notSerializable(Object o) {
    throw new IllegalArgumentException(
        "Object of type " + o.getClass().getSimpleName() + " is not JSON serializable");
  }

  private void value(Object v) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof String) {
      string((String) v);
    } else if (v instanceof Boolean) {
      out.append((Boolean) v ? "true" : "false");
    } else if (PythonStr.isInt(v)) {
      out.append(v);
    } else if (v instanceof Double || v instanceof Float) {
      out.append(floatText(((Number) v).doubleValue()));
    } else if (v instanceof List) {
      array((List<?>) v);
    } else if (v instanceof Map) {
      object((Map<?, ?>) v);
    } else {
      Object replacement = options.fallback().apply(v);
      value(replacement);
    }
  }

  private static String floatText(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    return PythonFloat.repr(d);
  }

  private void array(Collection<?> items) {
    if (items.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    open();
    boolean first = true;
    for (Object item : items) {
      if (!first) {
        separator();
      }
      first = false;
      value(item);
    }
    close();
    out.append(']');
  }

  private void object(Map<?, ?> map) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    Collection<? extends Map.Entry<?, ?>> entries = map.entrySet();
    if (options.sortKeys()) {
      entries = sortedByKey(entries);
    }
    out.append('{');
    open();
    boolean first = true;
    for (Map.Entry<?, ?> e : entries) {
      if (!first) {
        separator();
      }
      first = false;
      string(keyText(e.getKey()));
      out.append(options.keySeparator());
      value(e.getValue());
    }
    close();
    out.append('}');
  }

  private static String keyText(Object k) {
    if (k instanceof String) {
      return (String) k;
    }
    if (k instanceof Double || k instanceof Float) {
      return floatText(((Number) k).doubleValue());
    }
    if (k instanceof Boolean) {
      return (Boolean) k ? "true" : "false";
    }
    if (k == null) {
      return "null";
    }
    if (PythonStr.isInt(k)) {
      return k.toString();
    }
    throw new IllegalArgumentException("keys must be str, int, float, bool or None, not "
        + k.getClass().getSimpleName());
  }

  /**
   * {@code sorted(d.items())} as CPython sorts: for fewer than 64 items its timsort is a run count plus
   * a binary insertion sort driven by {@code <} alone, reproduced here so even NaN keys (for which
   * {@code <} is always false) land where Python puts them.
   */
  private static List<Map.Entry<?, ?>> sortedByKey(Collection<? extends Map.Entry<?, ?>> entries) {
    List<Map.Entry<?, ?>> a = new ArrayList<>(entries);
    int n = a.size();
    if (n >= 64) {
      for (Map.Entry<?, ?> e : a) {
        if (e.getKey() instanceof Double && ((Double) e.getKey()).isNaN()
            || e.getKey() instanceof Float && ((Float) e.getKey()).isNaN()) {
          throw new IllegalArgumentException("sort_keys over 64 or more keys including NaN is not supported");
        }
      }
      a.sort((x, y) -> lessThan(x.getKey(), y.getKey()) ? -1 : lessThan(y.getKey(), x.getKey()) ? 1 : 0);
      return a;
    }
    if (n < 2) {
      return a;
    }
    // count_run: the leading ascending (or strictly descending, then reversed) run
    int run = 2;
    if (lessThan(a.get(1).getKey(), a.get(0).getKey())) {
      while (run < n && lessThan(a.get(run).getKey(), a.get(run - 1).getKey())) {
        run++;
      }
      java.util.Collections.reverse(a.subList(0, run));
    } else {
      while (run < n && !lessThan(a.get(run).getKey(), a.get(run - 1).getKey())) {
        run++;
      }
    }
    // binarysort of the rest into the run
    for (int start = run; start < n; start++) {
      Map.Entry<?, ?> pivot = a.get(start);
      int l = 0;
      int r = start;
      do {
        int p = l + ((r - l) >> 1);
        if (lessThan(pivot.getKey(), a.get(p).getKey())) {
          r = p;
        } else {
          l = p + 1;
        }
      } while (l < r);
      a.remove(start);
      a.add(l, pivot);
    }
    return a;
  }

  /** Python's {@code a < b} for dict keys: str by code point, numbers (bool, int, float) by exact value. */
  private static boolean lessThan(Object a, Object b) {
    if (a instanceof String && b instanceof String) {
      return PythonStrings.compare((String) a, (String) b) < 0;
    }
    if (isNumber(a) && isNumber(b)) {
      double da = a instanceof Double || a instanceof Float ? ((Number) a).doubleValue() : 0;
      double db = b instanceof Double || b instanceof Float ? ((Number) b).doubleValue() : 0;
      if (Double.isNaN(da) || Double.isNaN(db)) {
        return false;
      }
      if (Double.isInfinite(da) || Double.isInfinite(db)) {
        return Double.isInfinite(da) && Double.isInfinite(db) ? da < db
            : Double.isInfinite(da) ? da < 0 : db > 0;
      }
      return exact(a).compareTo(exact(b)) < 0;
    }
    throw new IllegalArgumentException("'<' not supported between instances of '" + typeName(a)
        + "' and '" + typeName(b) + "'");
  }

  private static boolean isNumber(Object o) {
    return o instanceof Boolean || o instanceof Double || o instanceof Float || PythonStr.isInt(o);
  }

  private static java.math.BigDecimal exact(Object o) {
    if (o instanceof Boolean) {
      return (Boolean) o ? java.math.BigDecimal.ONE : java.math.BigDecimal.ZERO;
    }
    if (o instanceof Double || o instanceof Float) {
      return new java.math.BigDecimal(((Number) o).doubleValue());
    }
    return new java.math.BigDecimal(o.toString());
  }

  private static String typeName(Object o) {
    if (o == null) {
      return "NoneType";
    }
    if (o instanceof String) {
      return "str";
    }
    if (o instanceof Boolean) {
      return "bool";
    }
    if (o instanceof Double || o instanceof Float) {
      return "float";
    }
    return PythonStr.isInt(o) ? "int" : o.getClass().getSimpleName();
  }

  private void open() {
    if (options.indent() != null) {
      level++;
      newline();
    }
  }

  private void close() {
    if (options.indent() != null) {
      level--;
      newline();
    }
  }

  private void separator() {
    out.append(options.itemSeparator());
    if (options.indent() != null) {
      newline();
    }
  }

  private void newline() {
    out.append('\n');
    for (int i = 0; i < level; i++) {
      out.append(options.indent());
    }
  }

  private void string(String s) {
    out.append('"');
    boolean ascii = options.ensureAscii();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
          if (c < ' ' || (ascii && c > '~')) {
            out.append("\\u");
            for (int shift = 12; shift >= 0; shift -= 4) {
              out.append("0123456789abcdef".charAt((c >> shift) & 0xf));
            }
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}
