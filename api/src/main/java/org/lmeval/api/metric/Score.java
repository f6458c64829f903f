package org.lmeval.api.metric;

/**
 * One sample's score. {@code weight} lets weighted aggregations ({@code weighted_perplexity},
 * {@code bits_per_byte}) divide by a sum of weights, e.g. word or byte counts; it is 1 otherwise.
 */
public record Score(double value, double weight) {
  public static Score of(double value) {
    return new Score(value, 1);
  }
}
