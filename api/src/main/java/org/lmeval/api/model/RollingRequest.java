package org.lmeval.api.model;

import java.util.Objects;

/** The total log-probability of a whole text, scored in max-context windows. */
public record RollingRequest(String text) {
  public RollingRequest {
    Objects.requireNonNull(text, "text");
  }
}
