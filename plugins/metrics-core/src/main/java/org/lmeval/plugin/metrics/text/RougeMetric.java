package org.lmeval.plugin.metrics.text;

import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.Sample;
import org.lmeval.api.metric.Score;
import org.lmeval.plugin.metrics.rouge.RougeType;

/**
 * {@code rouge1}, {@code rouge2}, {@code rougeL}, {@code rougeLsum}: rouge-score's f-measure (0-1, default
 * tokenizer, no stemming) of the response against the gold, as HF evaluate's {@code rouge} reports it per
 * document. With several golds the best f-measure counts (rouge-score's {@code score_multi}).
 */
public final class RougeMetric implements Metric.PerSample {
  private final RougeType type;

  public RougeMetric(RougeType type) {
    this.type = type;
  }

  @Override
  public Score score(Sample sample) {
    String name = type.metricName();
    String prediction = GenerationTarget.singleResponse(sample, name);
    if (GenerationTarget.isMultiple(sample)) {
      double best = Double.NEGATIVE_INFINITY;
      for (String gold : GenerationTarget.multiple(sample, name)) {
        best = Math.max(best, type.score(gold, prediction).fmeasure());
      }
      return Score.of(best == Double.NEGATIVE_INFINITY ? 0.0 : best);
    }
    return Score.of(type.score(GenerationTarget.single(sample, name), prediction).fmeasure());
  }
}
