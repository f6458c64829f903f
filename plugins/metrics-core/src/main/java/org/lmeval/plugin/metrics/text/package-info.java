/**
 * Metrics over generated text ({@code generate_until}): {@code exact_match}, the corpus-level {@code bleu},
 * {@code chrf} and {@code ter}, the ROUGE f-measures and {@code bypass}; plus lm-eval's preparation of the gold
 * answer (several golds, Python {@code str} of non-string golds).
 */
package org.lmeval.plugin.metrics.text;
