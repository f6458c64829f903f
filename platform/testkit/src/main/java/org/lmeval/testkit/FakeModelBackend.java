package org.lmeval.testkit;

import java.util.EnumSet;
import org.lmeval.api.Options;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.ModelBackend;
import org.lmeval.api.model.RequestType;

/**
 * A backend named {@code fake} that opens a {@link FakeLanguageModel}. Model arg {@code seed} (an integer,
 * default 0) changes every answer. Not registered anywhere by itself: give it to the kernel in a test plugin.
 */
public final class FakeModelBackend implements ModelBackend {
  @Override
  public String name() {
    return "fake";
  }

  @Override
  public LanguageModel open(Options modelArgs) {
    return new FakeLanguageModel(modelArgs.intValue("seed", 0), EnumSet.allOf(RequestType.class));
  }

  @Override
  public String description() {
    return "deterministic fake model (like lm-eval's dummy), for tests";
  }
}
