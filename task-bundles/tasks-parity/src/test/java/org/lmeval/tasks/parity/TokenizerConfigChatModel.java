package org.lmeval.tasks.parity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;
import org.lmeval.api.model.TokenizerChatTemplates;

/**
 * A model that only has a tokenizer's chat template: the {@code chat_template} value of a tokenizer_config.json
 * (a string, or a list of {@code {"name", "template"}}) selected as transformers and lm-eval select it, and the
 * tokenizer's special tokens. Prompt-building tests never send it requests.
 */
final class TokenizerConfigChatModel implements LanguageModel {
  private final Object chatTemplate;
  private final Map<String, String> specialTokens;

  TokenizerConfigChatModel(Object chatTemplate, Map<String, String> specialTokens) {
    this.chatTemplate = chatTemplate;
    this.specialTokens = Map.copyOf(specialTokens);
  }

  @Override
  public Optional<String> chatTemplate(String name) {
    return TokenizerChatTemplates.select(chatTemplate, name);
  }

  @Override
  public Map<String, String> specialTokens() {
    return specialTokens;
  }

  @Override
  public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
    throw new AssertionError("prompt tests send no requests");
  }

  @Override
  public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
    throw new AssertionError("prompt tests send no requests");
  }

  @Override
  public List<String> generateUntil(List<GenerationRequest> batch) {
    throw new AssertionError("prompt tests send no requests");
  }
}
