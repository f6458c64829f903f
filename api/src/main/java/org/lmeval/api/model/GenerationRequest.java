package org.lmeval.api.model;

import java.util.Objects;

/** Generate from {@code context} until a stop sequence or the token limit. */
public record GenerationRequest(String context, GenerationParams params) {
  public GenerationRequest {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(params, "params");
  }
}
