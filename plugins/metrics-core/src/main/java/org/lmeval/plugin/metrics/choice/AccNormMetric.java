package org.lmeval.plugin.metrics.choice;

import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.Sample;
import org.lmeval.api.metric.Score;

/** {@code acc_norm}: 1.0 when {@code argmax(lls / len(choice))} (code points) is the gold, else 0.0. */
public final class AccNormMetric implements Metric.PerSample {
  @Override
  public Score score(Sample sample) {
    ChoiceResults r = ChoiceResults.of(Choices.require(sample, "acc_norm"), "acc_norm");
    return Score.of(r.accuracy(r.predNorm()));
  }
}
