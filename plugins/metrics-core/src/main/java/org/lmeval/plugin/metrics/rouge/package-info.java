/** ROUGE as the rouge-score package computes it (default tokenizer, no stemming). */
package org.lmeval.plugin.metrics.rouge;
