package org.lmeval.plugin.metrics.rouge;

/**
 * One ROUGE score as rouge-score reports it.
 *
 * @param precision matched units over prediction units
 * @param recall matched units over target units
 * @param fmeasure {@code 2 p r / (p + r)}, 0 when both are 0
 */
public record RougeScore(double precision, double recall, double fmeasure) {
  static final RougeScore ZERO = new RougeScore(0, 0, 0);

  static RougeScore of(double precision, double recall) {
    double f = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
    return new RougeScore(precision, recall, f);
  }
}
