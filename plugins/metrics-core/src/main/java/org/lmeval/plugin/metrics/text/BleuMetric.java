package org.lmeval.plugin.metrics.text;

import java.util.ArrayList;
import java.util.List;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.Sample;
import org.lmeval.plugin.metrics.sacrebleu.BleuStatistics;
import org.lmeval.plugin.metrics.sacrebleu.SacreBleu;

/** {@code bleu}: sacrebleu's {@code corpus_bleu} over the documents' (prediction, reference) pairs, 0-100. */
public final class BleuMetric implements Metric.Corpus {
  private final SegmentCache<long[]> segments = new SegmentCache<>(SacreBleu::bleuSegment);

  @Override
  public double score(List<Sample> samples) {
    List<long[]> stats = new ArrayList<>(samples.size());
    for (Sample s : samples) {
      TranslationItem item = TranslationItem.of(s, "bleu");
      stats.add(segments.get(item.prediction(), List.of(item.reference())));
    }
    return BleuStatistics.score(BleuStatistics.sum(stats));
  }

  @Override
  public Object sampleItem(Sample sample) {
    return TranslationItem.logged(sample, "bleu");
  }

  @Override
  public int maxBootstrapIters() {
    return 100;
  }
}
