package org.lmeval.plugin.metrics.choice;

import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.Sample;
import org.lmeval.api.metric.Score;
import org.lmeval.plugin.metrics.support.OutputKind;

/**
 * {@code acc}: for {@code loglikelihood} tasks {@code int(is_greedy)} of the request; for
 * {@code multiple_choice} 1.0 when {@code argmax(lls)} is the gold (or one of the golds), else 0.0.
 */
public final class AccMetric implements Metric.PerSample {
  @Override
  public Score score(Sample sample) {
    return switch (OutputKind.of(sample)) {
      case LOGLIKELIHOOD -> Score.of(sample.loglikelihoods().get(0).greedy() ? 1 : 0);
      case MULTIPLE_CHOICE -> {
        ChoiceResults r = ChoiceResults.of(sample, "acc");
        yield Score.of(r.accuracy(r.pred()));
      }
      default -> throw new EvalException(ErrorCode.INVALID_TASK,
          "metric 'acc' applies to loglikelihood and multiple_choice tasks");
    };
  }
}
