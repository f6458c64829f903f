package org.lmeval.plugin.metrics.choice;

import java.util.List;
import java.util.TreeSet;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.Sample;

/**
 * {@code f1}: scikit-learn's binary {@code f1_score(golds, preds)} with positive label 1, i.e.
 * {@code 2TP / (2TP + FP + FN)}, 0.0 when undefined. More than two labels, or two labels without 1, is an error
 * (as in scikit-learn). Each sample's log item is {@code [gold, pred]}.
 */
public final class F1Metric implements Metric.Corpus {
  @Override
  public double score(List<Sample> samples) {
    ClassificationItems items = ClassificationItems.of(samples, "f1");
    TreeSet<Integer> labels = new TreeSet<>();
    for (int i = 0; i < items.golds.length; i++) {
      labels.add(items.golds[i]);
      labels.add(items.preds[i]);
    }
    if (labels.size() > 2) {
      throw new EvalException(ErrorCode.INVALID_TASK,
          "metric 'f1' is binary (labels 0/1) but the golds and predictions have labels " + labels
              + " (scikit-learn: 'Target is multiclass but average=binary')");
    }
    if (labels.size() == 2 && !labels.contains(1)) {
      throw new EvalException(ErrorCode.INVALID_TASK,
          "metric 'f1' needs the positive label 1 among the labels " + labels);
    }
    long tp = 0;
    long predicted = 0;
    long actual = 0;
    for (int i = 0; i < items.golds.length; i++) {
      boolean g = items.golds[i] == 1;
      boolean p = items.preds[i] == 1;
      if (g && p) {
        tp++;
      }
      if (p) {
        predicted++;
      }
      if (g) {
        actual++;
      }
    }
    double denominator = (double) actual + (double) predicted;
    return denominator == 0 ? 0.0 : (2.0 * tp) / denominator;
  }

  @Override
  public Object sampleItem(Sample sample) {
    return ClassificationItems.item(sample, "f1");
  }
}
