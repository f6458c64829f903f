package org.lmeval.api.model;

import java.util.Set;
import org.lmeval.api.Options;

/**
 * A named kind of model (lm-eval's {@code --model} name: {@code dummy}, {@code djl},
 * {@code local-completions}, ...). Cheap to construct; {@link #open} does the heavy work.
 */
public interface ModelBackend {
  /** The name users type after {@code --model}; kebab-case. */
  String name();

  /**
   * Loads or connects to a model. {@code modelArgs} holds the parsed {@code --model_args} plus the
   * kernel's {@code batch_size}, {@code max_batch_size} and {@code device} when given. Every accepted
   * arg MUST be read here; the kernel rejects unread ones.
   */
  LanguageModel open(Options modelArgs);

  /**
   * Like {@link #open(Options)}, with what the run gives the backend besides its model args (the environment
   * variables it declared). The kernel always calls this one; override it when the backend reads
   * {@link #environmentVariables()}.
   */
  default LanguageModel open(Options modelArgs, ModelContext context) {
    return open(modelArgs);
  }

  /**
   * The environment variables this backend reads (API keys, placeholders, ...). Only the CLI reads the
   * environment; it passes the ones that are set in {@link ModelContext#environment()}.
   */
  default Set<String> environmentVariables() {
    return Set.of();
  }

  /** One line for {@code lm-eval ls models}. */
  default String description() {
    return "";
  }
}
