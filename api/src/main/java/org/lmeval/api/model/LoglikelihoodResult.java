package org.lmeval.api.model;

/**
 * The summed log-probability of a continuation's tokens, and whether greedy decoding would have produced
 * every one of them.
 */
public record LoglikelihoodResult(double logprob, boolean greedy) {}
