/**
 * Perplexity-style metrics: {@code perplexity} of {@code loglikelihood} tasks and, for
 * {@code loglikelihood_rolling} tasks, {@code word_perplexity}, {@code byte_perplexity} and
 * {@code bits_per_byte}, whose scores carry word or byte counts as weights.
 */
package org.lmeval.plugin.metrics.perplexity;
