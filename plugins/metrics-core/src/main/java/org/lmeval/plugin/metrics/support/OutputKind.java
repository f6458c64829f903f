package org.lmeval.plugin.metrics.support;

import org.lmeval.api.metric.Sample;

/**
 * lm-eval's {@code output_type} of the task a {@link Sample} comes from, as far as scoring needs it, read from
 * what the sample carries: a rolling log-likelihood, log-likelihoods with or without choices, or none.
 */
public enum OutputKind {
  LOGLIKELIHOOD,
  LOGLIKELIHOOD_ROLLING,
  MULTIPLE_CHOICE,
  GENERATE_UNTIL;

  /** The output type of the sample's task. */
  public static OutputKind of(Sample sample) {
    if (sample.rollingLogprob().isPresent()) {
      return LOGLIKELIHOOD_ROLLING;
    }
    if (sample.loglikelihoods().isEmpty()) {
      return GENERATE_UNTIL;
    }
    return sample.choices().isEmpty() ? LOGLIKELIHOOD : MULTIPLE_CHOICE;
  }
}
