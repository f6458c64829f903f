package org.lmeval.examples.metric;

import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.Sample;
import org.lmeval.api.metric.Score;

/** The configured {@code response_length} metric: one score per sample. */
public final class ResponseLengthMetric implements Metric.PerSample {
  private final boolean strip;

  /** @param strip count without leading and trailing whitespace */
  public ResponseLengthMetric(boolean strip) {
    this.strip = strip;
  }

  @Override
  public Score score(Sample sample) {
    Object response = sample.response();
    if (!(response instanceof String text)) {
      throw new EvalException(ErrorCode.INVALID_TASK, "metric 'response_length' scores one generation (a string), "
          + "but the filtered response is " + describe(response) + "; use it on generate_until tasks whose filters end with a single answer (e.g. take_first)");
    }
    String counted = strip ? text.strip() : text;
    return Score.of(counted.codePointCount(0, counted.length()));
  }

  private static String describe(Object response) {
    if (response == null) {
      return "null";
    }
    if (response instanceof java.util.List<?> list) {
      return "a list of " + list.size() + " values";
    }
    return "a " + response.getClass().getSimpleName();
  }
}
