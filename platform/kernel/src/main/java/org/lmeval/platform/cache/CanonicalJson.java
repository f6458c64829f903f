package org.lmeval.platform.cache;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one text form of a value that keys are hashed from: JSON with object keys sorted, no whitespace, every
 * character outside printable ASCII escaped as {@code \\uXXXX} (so the text is ASCII and the mapping from
 * strings is one-to-one, lone surrogates included), integers in decimal, floating-point numbers as Java's
 * shortest round-trip form ({@code 0.7}, {@code 1.0E-5}, bare {@code NaN}/{@code Infinity}).
 */
final class CanonicalJson {
  private CanonicalJson() {}

  /**
   * The canonical text of {@code value}: null, Boolean, String, Character, integral and floating-point numbers,
   * Lists and Maps of those.
   *
   * @throws IllegalArgumentException for any other type (a key must never depend on a {@code toString})
   */
  static String write(Object value) {
    StringBuilder out = new StringBuilder(64);
    append(out, value);
    return out.toString();
  }

  /**
   * As {@link #write}, with any other type written as a string of its class name and {@code toString()} (for
   * task configs, whose values a plugin may make of its own types).
   */
  static String writeLenient(Object value) {
    StringBuilder out = new StringBuilder(256);
    append(out, value, true);
    return out.toString();
  }

  static void append(StringBuilder out, Object value) {
    append(out, value, false);
  }

  private static void append(StringBuilder out, Object value, boolean lenient) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      appendString(out, s);
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte || value instanceof BigInteger) {
      out.append(value);
    } else if (value instanceof Double d) {
      out.append(Double.toString(d));
    } else if (value instanceof Float f) {
      out.append(Double.toString(f.doubleValue()));
    } else if (value instanceof BigDecimal d) {
      out.append(d.toString());
    } else if (value instanceof Character c) {
      appendString(out, c.toString());
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        append(out, list.get(i), lenient);
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = String.valueOf(e.getKey());
        if (sorted.containsKey(key)) {
          throw new IllegalArgumentException("two keys of a map read '" + key + "'");
        }
        sorted.put(key, e.getValue());
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : sorted.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        appendString(out, e.getKey());
        out.append(':');
        append(out, e.getValue(), lenient);
      }
      out.append('}');
    } else if (lenient) {
      appendString(out, value.getClass().getName() + ":" + value);
    } else {
      throw new IllegalArgumentException("no canonical form for a " + value.getClass().getName());
    }
  }

  static void appendString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append("\\u");
        String hex = Integer.toHexString(c);
        for (int k = hex.length(); k < 4; k++) {
          out.append('0');
        }
        out.append(hex);
      }
    }
    out.append('"');
  }
}
