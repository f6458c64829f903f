package org.lmeval.plugin.metrics.text;

import java.util.ArrayList;
import java.util.List;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.metric.Sample;

/**
 * The gold answer of a {@code generate_until} document as lm-eval's {@code process_results} prepares it: a list
 * target means several acceptable answers; otherwise a gold whose type differs from a string response is
 * converted with Python's {@code str} (ints and bools; the kernel already replaced an index by its choice text).
 */
final class GenerationTarget {
  private GenerationTarget() {}

  /** Whether the document has several gold answers. */
  static boolean isMultiple(Sample sample) {
    return sample.target() instanceof List<?>;
  }

  /** The single gold answer as a string. */
  static String single(Sample sample, String metric) {
    return pythonStr(sample.target(), metric);
  }

  /** The gold answers of a multiple-target document, as strings. */
  static List<String> multiple(Sample sample, String metric) {
    List<String> out = new ArrayList<>();
    for (Object o : (List<?>) sample.target()) {
      out.add(pythonStr(o, metric));
    }
    return out;
  }

  /** The response when it is one string, or a one-element list of a string (sacrebleu's {@code _sacreformat}). */
  static String singleResponse(Sample sample, String metric) {
    Object r = sample.response();
    if (r instanceof List<?> list && list.size() == 1) {
      r = list.get(0);
    }
    if (r instanceof String s) {
      return s;
    }
    throw new EvalException(ErrorCode.INVALID_TASK, "metric '" + metric
        + "' needs one generated string per document, got " + describe(r)
        + " (end the filter pipeline with take_first)");
  }

  /** Python's {@code str(value)} for the gold types lm-eval meets: str, int, bool. */
  static String pythonStr(Object value, String metric) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return value.toString();
    }
    throw new EvalException(ErrorCode.INVALID_TASK, "metric '" + metric
        + "' compares text; the document's target is " + describe(value)
        + " (expected a string, an int or a list of strings)");
  }

  static String describe(Object value) {
    return value == null ? "None" : value.getClass().getSimpleName() + " '" + value + "'";
  }
}
