/**
 * Java versions of the custom {@code process_results} functions of popular lm-eval tasks. Each metric key a
 * function returns is a metric named {@code <task dir>.<!function reference>.<metric key>}, e.g.
 * {@code truthfulqa.utils.process_results_mc2.acc}.
 */
package org.lmeval.plugin.metrics.tasks;
