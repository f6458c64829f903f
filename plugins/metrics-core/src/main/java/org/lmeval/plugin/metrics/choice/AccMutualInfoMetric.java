package org.lmeval.plugin.metrics.choice;

import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.Sample;
import org.lmeval.api.metric.Score;

/**
 * {@code acc_mutual_info}: 1.0 when {@code argmax(ll(choice | context) - ll(choice | ""))} equals the gold, else
 * 0.0 (lm-eval compares with {@code ==}, so a list of golds never matches).
 */
public final class AccMutualInfoMetric implements Metric.PerSample {
  @Override
  public Score score(Sample sample) {
    ChoiceResults r = ChoiceResults.of(Choices.require(sample, "acc_mutual_info"), "acc_mutual_info");
    int pred = r.predMutualInfo("acc_mutual_info");
    return Score.of(r.gold() instanceof Integer g && g == pred ? 1.0 : 0.0);
  }
}
