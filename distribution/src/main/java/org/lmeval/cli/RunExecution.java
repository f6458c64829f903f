package org.lmeval.cli;

import java.util.Map;
import org.lmeval.platform.Kernel;
import org.lmeval.platform.eval.EvalSettings;
import org.lmeval.platform.eval.EvaluationResult;
import org.lmeval.platform.eval.ScoringSession;

/**
 * The body of {@code lm-eval run} once its configuration is resolved (lm-eval's {@code Run._execute}): log
 * level, warnings for settings lm-eval-java does not act on, kernel start, the model name check, the
 * evaluation, and the printed output (the results JSON with {@code --show_config}, then the summary line and
 * the tables).
 */
final class RunExecution {
  private final CliContext context;
  private final RunConfig config;

  RunExecution(CliContext context, RunConfig config) {
    this.context = context;
    this.config = config;
  }

  int execute() {
    if (config.verbosity() != null) {
      CliLogging.setLevel(CliLogging.effectiveLevel(config.verbosity(), context.env()));
    }
    warnUnsupported("--wandb_args", config.wandbArgs(), "nothing is logged to Weights & Biases");
    warnUnsupported("--wandb_config_args", config.wandbConfigArgs(), "nothing is logged to Weights & Biases");
    warnUnsupported("--trackio_args", config.trackioArgs(), "nothing is logged to Trackio");
    warnUnsupported("--hf_hub_log_args", config.hfHubLogArgs(), "nothing is pushed to the Hugging Face Hub");
    if (config.checkIntegrity()) {
      context.notice("--check_integrity is ignored: lm-eval's task test suite it ran no longer exists");
    }
    EvalSettings settings = config.toEvalSettings().toBuilder()
        .datasetOptions(HubEnvironment.datasetOptions(context.env()))
        .modelHubOptions(HubEnvironment.modelHubOptions(context.env())).environment(context.env().env()).build();
    if (config.includePaths().size() > 0) {
      context.info("Including path: " + config.includePaths());
    }
    context.info("Selected Tasks: " + settings.tasks());
    try (Kernel kernel = KernelLauncher.start(context.env(), config.pluginsDir(), config.osgi(),
        config.strictPlugins())) {
      if (kernel.registry().modelBackends().names().isEmpty()) {
        throw CliException.config("no model backends are registered, so model '" + settings.model()
            + "' cannot be found; plugins folder: " + (config.pluginsDir() == null ? "none (give --plugins_dir)"
            : config.pluginsDir()) + "; 'lm-eval plugins' shows what loaded"
            + " (see docs/troubleshooting.md#no-model-backends)");
      }
      if (!kernel.registry().modelBackends().names().contains(settings.model())) {
        LmEvalModelNames.hint(settings.model()).ifPresent(hint -> {
          throw CliException.usage("unknown model '" + settings.model() + "': " + hint);
        });
      }
      kernel.registry().modelBackends().get(settings.model());
      ScoringSession.Finished finished = context.env().runner().evaluate(kernel, settings, context.err());
      EvaluationResult result = finished.result();
      if (finished.configDump() != null) {
        context.out().println(finished.configDump());
      }
      for (var file : result.files()) {
        context.info("Saved " + file);
      }
      context.out().println(result.summaryLine());
      context.out().println(result.tables());
      context.out().flush();
    }
    return ExitCodes.OK;
  }

  private void warnUnsupported(String flag, Map<String, Object> value, String consequence) {
    if (!value.isEmpty()) {
      context.notice(flag + " is not supported in lm-eval-java (" + consequence + "); ignored");
    }
  }
}
