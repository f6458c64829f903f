/**
 * The {@code metrics-core} plugin: lm-eval 0.4.13's built-in metrics and aggregations, and the
 * {@code process_results} functions of popular tasks, with the reference numbers reproduced.
 */
package org.lmeval.plugin.metrics;
