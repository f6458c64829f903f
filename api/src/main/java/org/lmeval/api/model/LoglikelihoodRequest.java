package org.lmeval.api.model;

import java.util.Objects;

/** log P(continuation | context). The context may be empty; word-boundary spaces belong to the continuation. */
public record LoglikelihoodRequest(String context, String continuation) {
  public LoglikelihoodRequest {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(continuation, "continuation");
  }
}
