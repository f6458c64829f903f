package org.lmeval.api.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /**
   * The model's Jinja chat template, as lm-eval's {@code chat_template(name)} selects it; empty when the model
   * has none. For a Hugging Face tokenizer it is the {@code chat_template} of {@code tokenizer_config.json}
   * (or {@code chat_template.jinja}): the string itself (a name is then ignored), or, when it is a list of
   * {@code {"name", "template"}} entries, the entry called {@code name}, or the one called {@code "default"}
   * when {@code name} is null or empty.
   *
   * <p>The kernel logs the template this returns for the {@code --apply_chat_template} name
   * ({@code chat_template}, {@code chat_template_sha} in results) and, as lm-eval's HF model does, renders
   * prompts with the default template ({@code chatTemplate("")}) in transformers' chat-template environment
   * (trim_blocks, lstrip_blocks, {@code raise_exception}, the {@link #specialTokens()} as variables) unless
   * {@link #applyChatTemplate} renders them itself.
   *
   * @throws org.lmeval.api.EvalException ({@code INVALID_ARGUMENT}) when the templates are named and none has
   *     this name (or, for an empty name, none is called "default"); the message lists the names
   */
  default Optional<String> chatTemplate(String name) {
    return Optional.empty();
  }

  /**
   * The tokenizer's named special tokens as strings ({@code bos_token}, {@code eos_token}, {@code unk_token},
   * {@code pad_token}, ..., transformers' {@code special_tokens_map}; unset ones left out). A chat template sees
   * them as variables.
   */
  default Map<String, String> specialTokens() {
    return Map.of();
  }

  /**
   * Chat rendering done by the model itself, for backends whose chat template is applied elsewhere: lm-eval's
   * API chat models return the messages as JSON ({@code json.dumps(messages, ensure_ascii=False)}: a list of
   * {@code {"role": ..., "content": ...}}) and send them back as messages. Empty (the default) lets the kernel
   * render {@link #chatTemplate} with the {@code messages} and {@code add_generation_prompt} variables.
   *
   * @param messages the conversation, each a map with "role" (system, user or assistant) and "content"
   * @param addGenerationPrompt false when the last message is an assistant prefix to continue
   */
  default Optional<String> applyChatTemplate(List<Map<String, String>> messages, boolean addGenerationPrompt) {
    return Optional.empty();
  }

  @Override
  default void close() {}
}
