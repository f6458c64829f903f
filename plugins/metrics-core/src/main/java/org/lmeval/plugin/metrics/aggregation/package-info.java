/**
 * lm-eval's aggregations ({@code mean}, {@code median}, {@code perplexity}, {@code weighted_perplexity},
 * {@code bits_per_byte}, {@code nanmean}, {@code bypass}) with their stderr rule. The corpus-level ones
 * ({@code f1}, {@code matthews_corrcoef}, {@code brier_score}, {@code bleu}, {@code chrf}, {@code ter}) are
 * computed by their {@link org.lmeval.api.metric.Metric.Corpus} metrics instead.
 */
package org.lmeval.plugin.metrics.aggregation;
