package org.lmeval.plugin.metrics.text;

import java.util.ArrayList;
import java.util.List;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.Sample;
import org.lmeval.plugin.metrics.sacrebleu.ChrfStatistics;
import org.lmeval.plugin.metrics.sacrebleu.SacreBleu;

/** {@code chrf}: sacrebleu's {@code corpus_chrf} (chrF, character order 6, beta 2), 0-100. */
public final class ChrfMetric implements Metric.Corpus {
  private final SegmentCache<long[]> segments = new SegmentCache<>(SacreBleu::chrfSegment);

  @Override
  public double score(List<Sample> samples) {
    List<long[]> stats = new ArrayList<>(samples.size());
    for (Sample s : samples) {
      TranslationItem item = TranslationItem.of(s, "chrf");
      stats.add(segments.get(item.prediction(), List.of(item.reference())));
    }
    return ChrfStatistics.fScore(ChrfStatistics.sum(stats));
  }

  @Override
  public Object sampleItem(Sample sample) {
    return TranslationItem.logged(sample, "chrf");
  }

  @Override
  public int maxBootstrapIters() {
    return 100;
  }
}
