package org.lmeval.plugin.metrics.choice;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.Sample;

/**
 * {@code mcc}: scikit-learn's {@code matthews_corrcoef(golds, preds)} in its multiclass form
 * {@code (c*s - sum(t_k p_k)) / sqrt((s^2 - sum(p_k^2)) (s^2 - sum(t_k^2)))}, 0.0 when the denominator is 0.
 * Each sample's log item is {@code [gold, pred]}.
 */
public final class MccMetric implements Metric.Corpus {
  @Override
  public double score(List<Sample> samples) {
    ClassificationItems items = ClassificationItems.of(samples, "mcc");
    Map<Integer, long[]> counts = new TreeMap<>(); // label -> {true count, predicted count}
    long correct = 0;
    for (int i = 0; i < items.golds.length; i++) {
      counts.computeIfAbsent(items.golds[i], k -> new long[2])[0]++;
      counts.computeIfAbsent(items.preds[i], k -> new long[2])[1]++;
      if (items.golds[i] == items.preds[i]) {
        correct++;
      }
    }
    double n = items.golds.length;
    double tp = 0;
    double pp = 0;
    double tt = 0;
    for (long[] c : counts.values()) {
      tp += (double) c[0] * (double) c[1];
      pp += (double) c[1] * (double) c[1];
      tt += (double) c[0] * (double) c[0];
    }
    double covYtYp = correct * n - tp;
    double covYpYp = n * n - pp;
    double covYtYt = n * n - tt;
    double product = covYpYp * covYtYt;
    return product == 0 ? 0.0 : covYtYp / Math.sqrt(product);
  }

  @Override
  public Object sampleItem(Sample sample) {
    return ClassificationItems.item(sample, "mcc");
  }
}
