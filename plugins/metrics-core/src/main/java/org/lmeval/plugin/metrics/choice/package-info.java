/**
 * Metrics over log-likelihoods of answer choices ({@code multiple_choice}) or of one continuation
 * ({@code loglikelihood}): {@code acc}, {@code acc_norm}, {@code acc_bytes}, {@code acc_mutual_info}, {@code f1},
 * {@code mcc}, {@code brier_score}, {@code likelihood}.
 */
package org.lmeval.plugin.metrics.choice;
