package org.lmeval.api.metric;

import java.util.List;

/** Turns per-sample scores into one value: {@code mean}, {@code median}, {@code perplexity}, ... */
public interface Aggregation {
  /** lm-eval's name, snake_case. */
  String name();

  double aggregate(List<Score> scores);

  /** How lm-eval computes this aggregation's standard error. */
  default StderrMethod stderr() {
    return StderrMethod.NONE;
  }

  /** lm-eval's stderr rule for an aggregation. */
  enum StderrMethod {
    /** Sample standard deviation over sqrt(n) (lm-eval's {@code mean_stderr}). */
    MEAN,
    /** The deterministic chunked bootstrap of lm-eval. */
    BOOTSTRAP,
    /** No stderr; reported as {@code "N/A"}. */
    NONE
  }
}
