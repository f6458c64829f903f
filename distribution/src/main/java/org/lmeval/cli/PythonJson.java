package org.lmeval.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import org.lmeval.platform.python.PythonFloat;

/**
 * Python's {@code json.dumps(obj, indent=2, ensure_ascii=False, default=handle_non_serializable)}, which
 * lm-eval uses to print the results with {@code --show_config}: two-space indentation, {@code ", "}-free
 * line ends, {@code ": "} after keys, floats as Python's {@code repr} ({@code 1e-05}, {@code 0.1},
 * {@code NaN}), non-ASCII text as is, sets and tuples as arrays, other objects as their string.
 */
final class PythonJson {
  private PythonJson() {}

  static String dumps(Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value, 0);
    return b.toString();
  }

  private static void write(StringBuilder b, Object v, int depth) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof Boolean bool) {
      b.append(bool ? "true" : "false");
    } else if (v instanceof Double || v instanceof Float) {
      b.append(floatRepr(((Number) v).doubleValue()));
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger) {
      b.append(v);
    } else if (v instanceof BigDecimal d) {
      b.append(floatRepr(d.doubleValue()));
    } else if (v instanceof CharSequence s) {
      string(b, s.toString());
    } else if (v instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        b.append("{}");
        return;
      }
      b.append("{");
      Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        newline(b, depth + 1);
        string(b, key(e.getKey()));
        b.append(": ");
        write(b, e.getValue(), depth + 1);
        if (it.hasNext()) {
          b.append(",");
        }
      }
      newline(b, depth);
      b.append("}");
    } else if (v instanceof Collection<?> list) {
      if (list.isEmpty()) {
        b.append("[]");
        return;
      }
      b.append("[");
      Iterator<?> it = list.iterator();
      while (it.hasNext()) {
        newline(b, depth + 1);
        write(b, it.next(), depth + 1);
        if (it.hasNext()) {
          b.append(",");
        }
      }
      newline(b, depth);
      b.append("]");
    } else if (v instanceof Object[] array) {
      write(b, java.util.Arrays.asList(array), depth);
    } else {
      string(b, String.valueOf(v));
    }
  }

  private static String key(Object k) {
    if (k == null) {
      return "null";
    }
    if (k instanceof Double || k instanceof Float) {
      return floatRepr(((Number) k).doubleValue());
    }
    return String.valueOf(k);
  }

  private static void newline(StringBuilder b, int depth) {
    b.append('\n');
    b.append("  ".repeat(depth));
  }

  private static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  /** Python's {@code repr(float)} as json writes it ({@code NaN}, {@code Infinity}, {@code -Infinity}). */
  static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    return PythonFloat.repr(d);
  }
}
