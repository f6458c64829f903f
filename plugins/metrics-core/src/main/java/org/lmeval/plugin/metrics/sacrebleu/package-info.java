/**
 * BLEU, chrF and TER as sacrebleu 2.x computes them with its defaults (13a tokenizer, exponential smoothing;
 * chrF character order 6, word order 0, beta 2; TER with Tercom shifts, case-insensitive), plus the
 * {@code intl} tokenizer used by truthfulqa.
 */
package org.lmeval.plugin.metrics.sacrebleu;
