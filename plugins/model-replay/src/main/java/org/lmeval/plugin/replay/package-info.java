/**
 * The {@code replay} model: answers every request from the per-sample logs ({@code samples_<task>_<date>.jsonl})
 * of an earlier run of lm-eval or lm-eval-java, so that scoring can be compared number for number.
 */
package org.lmeval.plugin.replay;
