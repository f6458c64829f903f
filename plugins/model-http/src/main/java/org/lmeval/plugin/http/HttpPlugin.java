package org.lmeval.plugin.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.lmeval.api.Plugin;
import org.lmeval.api.model.ModelBackend;

/**
 * The HTTP model backends: {@code local-completions}, {@code openai-completions}, {@code local-chat-completions},
 * {@code openai-chat-completions}, {@code azure-openai-chat-completions}, {@code anthropic-chat} (alias
 * {@code anthropic-chat-completions}), {@code anthropic-completions}, {@code textsynth} and {@code gguf} (alias
 * {@code ggml}).
 *
 * <p>API keys come from model arg {@code api_key} or, as in lm-eval, from the environment ({@code OPENAI_API_KEY},
 * {@code AZURE_OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}, {@code TEXTSYNTH_API_SECRET_KEY}; Azure's endpoint,
 * deployment and API version from {@code AZURE_OPENAI_*}), which the kernel passes in the
 * {@code ModelContext} (each backend declares the variables it reads).
 */
public final class HttpPlugin implements Plugin {
  @Override
  public Collection<ModelBackend> modelBackends() {
    List<ModelBackend> out = new ArrayList<>();
    for (BackendKind k : BackendKind.values()) {
      out.add(new HttpModelBackend(k));
    }
    return out;
  }
}
