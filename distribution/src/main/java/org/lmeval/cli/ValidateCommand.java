package org.lmeval.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.lmeval.cli.args.FlagValues;
import org.lmeval.platform.Kernel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lm-eval validate --tasks t1,t2}: checks that the tasks exist (lm-eval 0.4.13's check and
 * messages, exit 1 when some are missing), then renders the first prompts of each, which loads its YAML,
 * dataset and templates without any model.
 */
@Command(name = "validate", separator = " ", sortOptions = false, usageHelpWidth = 100,
    customSynopsis = "lm-eval validate --tasks <task1,task2> [--include_path <dir>] [--prompts <n>] [options]",
    description = {"Check that tasks exist and render their first prompts (no model is needed). Exits with 1 "
        + "when a task is not found."})
final class ValidateCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(names = {"--tasks", "-t"}, required = true, paramLabel = "<task1,task2>",
      description = "Comma-separated task, group or tag names to validate.")
  String tasks;

  @Option(names = "--include_path", paramLabel = "<dir>",
      description = "Folder of extra task YAML files to include.")
  String includePath;

  @Option(names = "--prompts", paramLabel = "<n>",
      description = "Prompts to render per task; 0 only checks that the tasks exist, as lm-eval does "
          + "(default: 1).")
  String prompts;

  @Option(names = "--dataset_dir", paramLabel = "<dir>",
      description = "Offline dataset mirror (default: $LMEVAL_DATASETS).")
  String datasetDir;

  @Mixin
  KernelOptions kernelOptions = new KernelOptions();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  ValidateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    int count = prompts == null ? 1 : FlagValues.integer("--prompts", prompts);
    if (count < 0) {
      throw CliException.usage("argument --prompts: expected an integer >= 0, got " + count);
    }
    List<String> names = List.of(tasks.split(",", -1));
    context.out().println("Validating tasks: " + names.stream().map(ValidateCommand::pythonRepr)
        .collect(Collectors.joining(", ", "[", "]")));
    List<Path> include = includePath == null ? List.of() : List.of(context.env().resolve(includePath));
    Path datasets = datasetDir != null ? context.env().resolve(datasetDir)
        : context.env().getenv(CliEnvironment.DATASETS_ENV).map(context.env()::resolve).orElse(null);
    try (Kernel kernel = kernelOptions.start(context.env())) {
      TaskCatalog catalog = TaskCatalogs.open(context.env(), kernel, include, datasets);
      List<String> missing = catalog.missing(names);
      if (!missing.isEmpty()) {
        context.out().println("Tasks not found: " + String.join(", ", missing));
        context.out().flush();
        return ExitCodes.FAILURE;
      }
      if (count > 0) {
        for (String name : names) {
          for (TaskCatalog.RenderedPrompt p : catalog.render(name, count)) {
            context.out().println("--- " + p.task() + ", doc " + p.docId() + ": prompt ---");
            context.out().println(p.context());
            context.out().println("--- " + p.task() + ", doc " + p.docId() + ": target ---");
            context.out().println(p.target());
          }
        }
      }
      context.out().println("All tasks found and valid");
      context.out().flush();
      return ExitCodes.OK;
    }
  }

  /** Python's {@code repr(str)} for the plain names lm-eval prints. */
  static String pythonRepr(String s) {
    char quote = s.contains("'") && !s.contains("\"") ? '"' : '\'';
    StringBuilder b = new StringBuilder().append(quote);
    for (char c : s.toCharArray()) {
      if (c == '\\' || c == quote) {
        b.append('\\').append(c);
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (c == '\r') {
        b.append("\\r");
      } else {
        b.append(c);
      }
    }
    return b.append(quote).toString();
  }
}
