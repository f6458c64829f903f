package org.lmeval.plugin.metrics.rouge;

/** The ROUGE variants rouge-score computes, under their rouge-score / lm-eval names. */
public enum RougeType {
  ROUGE1("rouge1"),
  ROUGE2("rouge2"),
  ROUGE_L("rougeL"),
  ROUGE_LSUM("rougeLsum");

  private final String metricName;

  RougeType(String metricName) {
    this.metricName = metricName;
  }

  /** The name lm-eval's tasks use for the variant. */
  public String metricName() {
    return metricName;
  }

  /** {@code RougeScorer([type]).score(target, prediction)[type]}. */
  public RougeScore score(String target, String prediction) {
    return switch (this) {
      case ROUGE1 -> RougeStatistics.ngram(RougeTokenizer.tokenize(target), RougeTokenizer.tokenize(prediction), 1);
      case ROUGE2 -> RougeStatistics.ngram(RougeTokenizer.tokenize(target), RougeTokenizer.tokenize(prediction), 2);
      case ROUGE_L -> RougeStatistics.lcs(RougeTokenizer.tokenize(target), RougeTokenizer.tokenize(prediction));
      case ROUGE_LSUM -> RougeStatistics.summaryLevelLcs(RougeTokenizer.sentences(target),
          RougeTokenizer.sentences(prediction));
    };
  }
}
