package org.lmeval.plugin.metrics.choice;

import java.util.ArrayList;
import java.util.List;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.Sample;

/**
 * {@code likelihood}: logs {@code [gold, lls]} per document. lm-eval 0.4.13 registers it with the {@code mean}
 * aggregation, which cannot average those pairs and fails; so does this metric's corpus value, with a message
 * saying so. It is useful for sample logs (e.g. predict-only runs).
 */
public final class LikelihoodMetric implements Metric.Corpus {
  @Override
  public double score(List<Sample> samples) {
    throw new EvalException(ErrorCode.INVALID_TASK, "metric 'likelihood' logs [gold, log-likelihoods] per document"
        + " and has no aggregate value (lm-eval 0.4.13's mean of those pairs fails); use it for sample logs only");
  }

  @Override
  public Object sampleItem(Sample sample) {
    ChoiceResults r = ChoiceResults.of(Choices.require(sample, "likelihood"), "likelihood");
    List<Object> item = new ArrayList<>(2);
    item.add(r.gold());
    item.add(r.llList());
    return item;
  }

  @Override
  public int maxBootstrapIters() {
    return 0;
  }
}
