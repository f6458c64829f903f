package org.lmeval.cli;

import java.io.PrintWriter;
import org.lmeval.platform.Kernel;
import org.lmeval.platform.eval.EvalSettings;
import org.lmeval.platform.eval.Evaluator;
import org.lmeval.platform.eval.ScoringSession;
import org.lmeval.platform.progress.ConsoleProgress;

/** Runs one evaluation; the CLI's seam to the kernel's {@link Evaluator} (tests substitute a recorder). */
@FunctionalInterface
public interface EvaluationRunner {
  /**
   * @param kernel the started kernel
   * @param settings the run's settings
   * @param err where progress bars and {@code --write_out} prompts go
   * @return the results and the {@code --show_config} dump (null when not asked for)
   */
  ScoringSession.Finished evaluate(Kernel kernel, EvalSettings settings, PrintWriter err);

  /** The kernel's evaluator, with tqdm-style bars on stderr (redrawn in place on a terminal). */
  static EvaluationRunner kernel() {
    return (kernel, settings, err) -> new Evaluator(kernel.registry(),
        new ConsoleProgress(err, System.console() != null), err,
        kernel.workDir().orElse(null))
        .evaluateWithConfigDump(settings);
  }
}
