package org.lmeval.plugin.metrics.text;

import java.util.List;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.Sample;
import org.lmeval.plugin.metrics.sacrebleu.SacreBleu;

/**
 * {@code ter}: sacrebleu's {@code corpus_ter} (case-insensitive, no normalisation), 0-100; lower is better
 * (lm-eval 0.4.13 registers it with {@code higher_is_better: false}).
 */
public final class TerMetric implements Metric.Corpus {
  private final SegmentCache<double[]> segments = new SegmentCache<>(SacreBleu::terSegment);

  @Override
  public double score(List<Sample> samples) {
    double edits = 0;
    double refLength = 0;
    for (Sample s : samples) {
      TranslationItem item = TranslationItem.of(s, "ter");
      double[] stats = segments.get(item.prediction(), List.of(item.reference()));
      edits += stats[0];
      refLength += stats[1];
    }
    return SacreBleu.terScore(edits, refLength);
  }

  @Override
  public Object sampleItem(Sample sample) {
    return TranslationItem.logged(sample, "ter");
  }

  @Override
  public int maxBootstrapIters() {
    return 100;
  }
}
