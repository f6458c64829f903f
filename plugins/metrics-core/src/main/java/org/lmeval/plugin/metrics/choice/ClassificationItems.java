package org.lmeval.plugin.metrics.choice;

import java.util.ArrayList;
import java.util.List;
import org.lmeval.api.metric.Sample;

/** The {@code (gold, pred)} pairs that lm-eval's {@code f1} and {@code mcc} metrics pass to their aggregations. */
final class ClassificationItems {
  final int[] golds;
  final int[] preds;

  private ClassificationItems(int[] golds, int[] preds) {
    this.golds = golds;
    this.preds = preds;
  }

  static List<Object> item(Sample sample, String metric) {
    ChoiceResults r = ChoiceResults.of(Choices.require(sample, metric), metric);
    List<Object> item = new ArrayList<>(2);
    item.add(r.gold());
    item.add(r.pred());
    return item;
  }

  static ClassificationItems of(List<Sample> samples, String metric) {
    int[] golds = new int[samples.size()];
    int[] preds = new int[samples.size()];
    for (int i = 0; i < golds.length; i++) {
      ChoiceResults r = ChoiceResults.of(Choices.require(samples.get(i), metric), metric);
      golds[i] = r.singleGold(metric);
      preds[i] = r.pred();
    }
    return new ClassificationItems(golds, preds);
  }
}
