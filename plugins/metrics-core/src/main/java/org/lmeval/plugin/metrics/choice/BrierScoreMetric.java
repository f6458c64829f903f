package org.lmeval.plugin.metrics.choice;

import java.util.ArrayList;
import java.util.List;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.Sample;
import org.lmeval.plugin.metrics.support.NumpyMath;

/**
 * {@code brier_score} (lower is better): the mean over documents of {@code sum_k (p_k - onehot(gold)_k)^2} with
 * {@code p = softmax(lls)}, summed and averaged as numpy does. Every document must have the same number of
 * choices and a valid gold. Each sample's log item is {@code [gold, probabilities]}.
 */
public final class BrierScoreMetric implements Metric.Corpus {
  @Override
  public double score(List<Sample> samples) {
    double[] perDoc = new double[samples.size()];
    int classes = -1;
    for (int d = 0; d < perDoc.length; d++) {
      ChoiceResults r = ChoiceResults.of(Choices.require(samples.get(d), "brier_score"), "brier_score");
      if (classes >= 0 && r.size() != classes) {
        throw new EvalException(ErrorCode.INVALID_TASK,
            "metric 'brier_score' needs the same number of choices in every document, got " + classes + " and "
                + r.size());
      }
      classes = r.size();
      int gold = r.singleGold("brier_score");
      int hot = gold < 0 ? gold + classes : gold; // numpy row indexing of np.eye(classes)
      if (hot < 0 || hot >= classes) {
        throw new EvalException(ErrorCode.INVALID_TASK, "metric 'brier_score': gold index " + gold
            + " is not one of the " + classes + " choices");
      }
      double[] p = r.probabilities();
      double[] sq = new double[classes];
      for (int k = 0; k < classes; k++) {
        double diff = p[k] - (k == hot ? 1.0 : 0.0);
        sq[k] = diff * diff;
      }
      perDoc[d] = NumpyMath.sum(sq);
    }
    return NumpyMath.mean(perDoc);
  }

  @Override
  public Object sampleItem(Sample sample) {
    ChoiceResults r = ChoiceResults.of(Choices.require(sample, "brier_score"), "brier_score");
    List<Double> probs = new ArrayList<>();
    for (double p : r.probabilities()) {
      probs.add(p);
    }
    List<Object> item = new ArrayList<>(2);
    item.add(r.gold());
    item.add(List.copyOf(probs));
    return item;
  }

  @Override
  public int maxBootstrapIters() {
    return 0;
  }
}
