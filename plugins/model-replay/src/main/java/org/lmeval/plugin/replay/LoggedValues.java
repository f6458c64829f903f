package org.lmeval.plugin.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.lmeval.api.model.GenerationParams;

/**
 * How logged values read back: Python's {@code str()} of floats and booleans, and lm-eval's generation kwargs
 * dict as the model-facing {@link GenerationParams}, reduced to a canonical text so that a logged dict and a
 * request's parameters compare equal exactly when they mean the same generation.
 */
final class LoggedValues {
  private LoggedValues() {}

  /** A Python float repr ({@code -4.2}, {@code 1e-05}, {@code nan}, {@code inf}, {@code -inf}), exactly. */
  static double parseFloat(String repr) {
    switch (repr) {
      case "nan" -> { return Double.NaN; }
      case "inf" -> { return Double.POSITIVE_INFINITY; }
      case "-inf" -> { return Double.NEGATIVE_INFINITY; }
      default -> { }
    }
    if (repr.isEmpty() || !repr.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
      throw new IllegalArgumentException("not a Python float: '" + repr + "'");
    }
    return Double.parseDouble(repr);
  }

  /** Python's {@code str(bool)}: {@code True} or {@code False}. */
  static boolean parseBool(String repr) {
    return switch (repr) {
      case "True" -> true;
      case "False" -> false;
      default -> throw new IllegalArgumentException("not a Python bool: '" + repr + "'");
    };
  }

  /**
   * The generation parameters a logged kwargs dict stands for, read as the task engine reads a task's
   * {@code generation_kwargs}: {@code until} (string or list), the first of {@code max_gen_toks},
   * {@code max_new_tokens}, {@code max_tokens}, {@code max_completion_tokens}, {@code do_sample},
   * {@code temperature}; the rest stays extra.
   */
  static GenerationParams generationParams(Map<String, Object> kwargs) {
    Map<String, Object> extra = new java.util.LinkedHashMap<>(kwargs);
    Object untilRaw = extra.remove("until");
    List<String> until = new ArrayList<>();
    if (untilRaw instanceof String s) {
      until.add(s);
    } else if (untilRaw instanceof List<?> l) {
      for (Object o : l) {
        until.add(String.valueOf(o));
      }
    } else if (untilRaw != null) {
      throw new IllegalArgumentException("'until' is neither a string nor a list: " + untilRaw);
    }
    OptionalInt maxGen = OptionalInt.empty();
    for (String key : List.of("max_gen_toks", "max_new_tokens", "max_tokens", "max_completion_tokens")) {
      if (extra.get(key) instanceof Number n) {
        extra.remove(key);
        maxGen = OptionalInt.of(n.intValue());
        break;
      }
    }
    Object sample = extra.remove("do_sample");
    boolean doSample = sample instanceof Boolean b ? b : sample != null && !Boolean.FALSE.equals(sample)
        && !(sample instanceof Number n && n.doubleValue() == 0) && !"".equals(sample);
    Object temp = extra.remove("temperature");
    OptionalDouble temperature = temp instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
    return new GenerationParams(until, maxGen, doSample, temperature, extra);
  }

  /** A canonical text of the parameters: equal texts for equal meaning (map keys sorted, numbers as doubles). */
  static String canonical(GenerationParams p) {
    StringBuilder sb = new StringBuilder();
    sb.append("until=");
    canonical(p.until(), sb);
    sb.append(";max=").append(p.maxGenToks().isPresent() ? Integer.toString(p.maxGenToks().getAsInt()) : "-");
    sb.append(";sample=").append(p.doSample());
    sb.append(";temperature=").append(p.temperature().isPresent() ? Double.toString(p.temperature().getAsDouble())
        : "-");
    sb.append(";extra=");
    canonical(p.extra(), sb);
    return sb.toString();
  }

  private static void canonical(Object o, StringBuilder sb) {
    if (o == null) {
      sb.append("None");
    } else if (o instanceof Boolean b) {
      sb.append(b ? "True" : "False");
    } else if (o instanceof Number n) {
      sb.append(Double.toString(n.doubleValue()));
    } else if (o instanceof String s) {
      sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    } else if (o instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        canonical(l.get(i), sb);
      }
      sb.append(']');
    } else if (o instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : sorted(m).entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        canonical(e.getKey(), sb);
        sb.append(':');
        canonical(e.getValue(), sb);
      }
      sb.append('}');
    } else {
      canonical(String.valueOf(o), sb);
    }
  }

  private static Map<String, Object> sorted(Map<?, ?> m) {
    Map<String, Object> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  /** The first {@code max} characters of a text, escaped for a one-line message, with its length if cut. */
  static String head(String text, int max) {
    String cut = text.length() <= max ? text : text.substring(0, max);
    String esc = cut.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
        .replace("\"", "\\\"");
    return "\"" + esc + (text.length() <= max ? "\"" : "...\" (" + text.length() + " chars)");
  }
}
