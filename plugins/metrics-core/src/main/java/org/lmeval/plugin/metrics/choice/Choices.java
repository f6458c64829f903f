package org.lmeval.plugin.metrics.choice;

import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.metric.Sample;
import org.lmeval.plugin.metrics.support.OutputKind;

/** Checks shared by the multiple-choice-only metrics. */
final class Choices {
  private Choices() {}

  static Sample require(Sample sample, String metric) {
    if (OutputKind.of(sample) != OutputKind.MULTIPLE_CHOICE) {
      throw new EvalException(ErrorCode.INVALID_TASK, "metric '" + metric + "' applies to multiple_choice tasks");
    }
    return sample;
  }
}
