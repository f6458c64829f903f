package org.lmeval.plugin.metrics.choice;

import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.Sample;
import org.lmeval.api.metric.Score;

/** {@code acc_bytes}: 1.0 when {@code argmax(lls / utf8_bytes(choice))} is the gold, else 0.0. */
public final class AccBytesMetric implements Metric.PerSample {
  @Override
  public Score score(Sample sample) {
    ChoiceResults r = ChoiceResults.of(Choices.require(sample, "acc_bytes"), "acc_bytes");
    return Score.of(r.accuracy(r.predBytes()));
  }
}
