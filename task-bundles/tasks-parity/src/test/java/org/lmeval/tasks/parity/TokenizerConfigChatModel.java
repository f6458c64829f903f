package org.lmeval.tasks.parity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;

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
    if (chatTemplate instanceof String s) {
      return Optional.of(s);
    }
    if (!(chatTemplate instanceof List<?> entries)) {
      return Optional.empty();
    }
    String wanted = name == null || name.isEmpty() ? "default" : name;
    List<String> names = new ArrayList<>();
    for (Object o : entries) {
      Map<?, ?> e = (Map<?, ?>) o;
      if (wanted.equals(e.get("name"))) {
        return Optional.of((String) e.get("template"));
      }
      names.add(String.valueOf(e.get("name")));
    }
    throw new EvalException(ErrorCode.INVALID_ARGUMENT, "chat template '" + wanted + "' is not available; the "
        + "template names are " + names.stream().sorted().toList());
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
