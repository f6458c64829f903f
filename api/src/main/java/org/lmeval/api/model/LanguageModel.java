package org.lmeval.api.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An opened model. The kernel calls an instance from one thread at a time, in batches it chooses.
 *
 * <p>Contract (checked by the kernel at the boundary and by the testkit's {@code LanguageModelContract}):
 * results have the batch's size and order and contain no nulls; log-probabilities are finite and
 * {@code <= 0}; word-boundary spaces belong to the continuation; rolling scoring predicts each token once
 * with the most context available; an unsupported request type throws
 * {@code EvalException(UNSUPPORTED_REQUEST)}. A model may reorder or split a batch internally.
 */
public interface LanguageModel extends AutoCloseable {
  List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch);

  List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch);

  List<String> generateUntil(List<GenerationRequest> batch);

  /** The request types this model serves; the kernel checks tasks against it before any request. */
  default Set<RequestType> supportedRequests() {
    return EnumSet.allOf(RequestType.class);
  }

  /** The batch size the kernel uses when the user gives none. */
  default int preferredBatchSize() {
    return 32;
  }

  /** The model's name for results ({@code model_name}); empty if it has none. */
  default String modelName() {
    return "";
  }

  /**
   * What identifies this model's outputs beyond its backend name and model args, for the response cache: for a
   * local model, a hash of its weights and tokenizer files (so replacing the files at the same path never reuses
   * old responses); empty when the model args identify the model (API models). Computed once, cheap to call.
   */
  default String fingerprint() {
    return "";
  }

  @Override
  default void close() {}
}
