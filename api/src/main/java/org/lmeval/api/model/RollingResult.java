package org.lmeval.api.model;

/** The total log-probability of a {@link RollingRequest}'s text. */
public record RollingResult(double logprob) {}
