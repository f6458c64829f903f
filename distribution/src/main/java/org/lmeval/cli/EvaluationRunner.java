package org.lmeval.cli;

import org.lmeval.platform.eval.EvalSettings;
import org.lmeval.platform.eval.EvaluationResult;
import org.lmeval.platform.eval.Evaluator;
import org.lmeval.platform.plugin.PluginRegistry;

/** Runs one evaluation; the CLI's seam to the kernel's {@link Evaluator} (tests substitute a recorder). */
@FunctionalInterface
public interface EvaluationRunner {
  EvaluationResult evaluate(PluginRegistry registry, EvalSettings settings);

  /** The kernel's evaluator. */
  static EvaluationRunner kernel() {
    return (registry, settings) -> new Evaluator(registry).evaluate(settings);
  }
}
