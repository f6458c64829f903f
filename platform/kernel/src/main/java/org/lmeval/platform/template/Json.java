package org.lmeval.platform.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lmeval.platform.python.PythonFloat;

/** Jinja2's {@code tojson}: {@code json.dumps(value, sort_keys=True, indent=...)} made HTML-safe. */
final class Json {
  private Json() {}

  static String htmlSafeDumps(Object value, Object indent) {
    String ind = null;
    if (indent != null) {
      ind = indent instanceof String s ? s : " ".repeat((int) Math.max(0, Args.index(indent)));
    }
    StringBuilder sb = new StringBuilder();
    write(sb, value, ind, 0);
    return sb.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("'", "\\u0027");
  }

  private static void write(StringBuilder sb, Object v, String indent, int level) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Boolean b) {
      sb.append(b ? "true" : "false");
    } else if (Py.isInt(v)) {
      sb.append(Py.bigInt(v));
    } else if (Py.isFloat(v)) {
      double d = Py.toDouble(v);
      sb.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
          : PythonFloat.repr(d));
    } else if (v instanceof String s) {
      string(sb, s);
    } else if (v instanceof List<?> l) {
      container(sb, '[', ']', new ArrayList<>(l), null, indent, level);
    } else if (v instanceof Map<?, ?> m) {
      List<Object> keys = new ArrayList<>(m.keySet());
      List<Object> sorted = Filters.sorted(keys, false, true, null);
      List<Object> values = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (Object k : sorted) {
        values.add(m.get(k));
        names.add(keyName(k));
      }
      container(sb, '{', '}', values, names, indent, level);
    } else if (v instanceof Undefined u) {
      throw u.error();
    } else {
      throw PyException.typeError("Object of type " + Py.typeName(v) + " is not JSON serializable");
    }
  }

  private static String keyName(Object k) {
    if (k instanceof String s) {
      return s;
    }
    if (k == null) {
      return "null";
    }
    if (k instanceof Boolean b) {
      return b ? "true" : "false";
    }
    if (Py.isNumber(k)) {
      return Py.repr(k);
    }
    throw PyException.typeError("keys must be str, int, float, bool or None, not " + Py.typeName(k));
  }

  private static void container(StringBuilder sb, char open, char close, List<Object> values,
      List<String> names, String indent, int level) {
    sb.append(open);
    if (values.isEmpty()) {
      sb.append(close);
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(indent == null ? ", " : ",");
      }
      if (indent != null) {
        sb.append('\n').append(indent.repeat(level + 1));
      }
      if (names != null) {
        string(sb, names.get(i));
        sb.append(": ");
      }
      write(sb, values.get(i), indent, level + 1);
    }
    if (indent != null) {
      sb.append('\n').append(indent.repeat(level));
    }
    sb.append(close);
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
