package org.lmeval.plugin.uniform;

import org.lmeval.api.Options;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.ModelBackend;

/**
 * {@code --model uniform-bytes}: a model that knows nothing and spreads its probability evenly over the 256 byte
 * values, so a text's log-likelihood is {@code -(UTF-8 bytes) * ln 256}. It is the floor a real model must beat
 * on {@code bits_per_byte} (which is exactly 8 for it). It takes no model args.
 */
public final class UniformBytesModelBackend implements ModelBackend {
  /** The name users type after {@code --model}. */
  public static final String NAME = "uniform-bytes";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public LanguageModel open(Options modelArgs) {
    // No model args to read: the kernel rejects any the user gives ("unknown model arg ...").
    return new UniformBytesLanguageModel();
  }

  @Override
  public String description() {
    return "uniform distribution over bytes: log-likelihood = -(UTF-8 bytes) * ln 256; generates nothing";
  }
}
