package org.lmeval.plugin.dummy;

import org.lmeval.api.Options;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.ModelBackend;

/**
 * lm-eval's {@code dummy} model: no weights, no network. Log-likelihoods are {@code -random.random()} from
 * a CPython-compatible generator seeded with the run's python seed ({@code --seed}, default 0); generations
 * are {@code "lol"}.
 */
public final class DummyModelBackend implements ModelBackend {
  @Override
  public String name() {
    return "dummy";
  }

  @Override
  public String description() {
    return "lm-eval's dummy model: -random.random() per log-likelihood, \"lol\" per generation";
  }

  @Override
  public LanguageModel open(Options modelArgs) {
    long seed = modelArgs.intValue("random_seed", 0);
    return new DummyLanguageModel(seed);
  }
}
