package org.lmeval.platform.eval;

import org.lmeval.platform.plugin.PluginRegistry;

/** Runs an evaluation: tasks to requests, requests to the model, responses to scores and files. */
public final class Evaluator {
  private final PluginRegistry registry;

  public Evaluator(PluginRegistry registry) {
    this.registry = registry;
  }

  /** Runs the evaluation {@code settings} describe. Errors are {@code EvalException}s with a clear message. */
  public EvaluationResult evaluate(EvalSettings settings) {
    throw new IllegalStateException("the evaluator is being integrated (session 1); registry has "
        + registry.modelBackends().names());
  }
}
