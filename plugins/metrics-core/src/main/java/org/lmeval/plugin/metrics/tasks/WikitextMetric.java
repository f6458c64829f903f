package org.lmeval.plugin.metrics.tasks;

import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.Sample;
import org.lmeval.api.metric.Score;
import org.lmeval.plugin.metrics.perplexity.RollingCounts;

/**
 * wikitext's {@code process_results}: the rolling log-likelihood with the word or byte count of the
 * <em>original</em> {@code doc["page"]} (not of the detokenised text that was scored).
 */
public final class WikitextMetric implements Metric.PerSample {
  /** The prefix of the three metric names. */
  static final String FUNCTION = "wikitext.preprocess_wikitext.process_results";

  /** Which count weights the log-likelihood. */
  public enum Count {
    WORDS("word_perplexity"),
    BYTES_FOR_PERPLEXITY("byte_perplexity"),
    BYTES_FOR_BITS("bits_per_byte");

    private final String key;

    Count(String key) {
      this.key = key;
    }

    /** The metric key process_results returns. */
    public String key() {
      return key;
    }
  }

  private final Count count;

  public WikitextMetric(Count count) {
    this.count = count;
  }

  @Override
  public Score score(Sample sample) {
    String name = FUNCTION + "." + count.key();
    if (sample.rollingLogprob().isEmpty()) {
      throw new EvalException(ErrorCode.INVALID_TASK, name + " applies to loglikelihood_rolling tasks");
    }
    if (!(sample.doc().get("page") instanceof String page)) {
      throw new EvalException(ErrorCode.INVALID_TASK, name + " needs the document's 'page' text");
    }
    double ll = sample.rollingLogprob().getAsDouble();
    return new Score(ll, count == Count.WORDS ? RollingCounts.words(page) : RollingCounts.bytes(page));
  }

  /** lm-eval logs {@code (ll, count)} for this metric. */
  @Override
  public Object sampleItem(Sample sample, Score score) {
    return RollingCounts.logged(score);
  }
}
