package org.lmeval.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.lmeval.api.model.ModelBackend;
import org.lmeval.platform.Kernel;
import org.lmeval.platform.plugin.Origin;
import org.lmeval.platform.plugin.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lm-eval ls}: lm-eval's listings of tasks, groups, subtasks and tags (Markdown tables in lm-eval's
 * layout), plus the registered models, metrics, filters and aggregations with the plugin each came from.
 */
@Command(name = "ls", separator = " ", sortOptions = false, usageHelpWidth = 100,
    customSynopsis = "lm-eval ls [tasks|groups|subtasks|tags|models|metrics|filters|aggregations] "
        + "[--include_path <dir>] [options]",
    description = {"List what can be evaluated: tasks (groups, tags and subtasks), groups, subtasks or tags, as "
        + "lm-eval 0.4.13 lists them; or the models, metrics, filters and aggregations that plugins registered."})
final class ListCommand implements Callable<Integer> {
  static final List<String> WHAT = List.of("tasks", "groups", "subtasks", "tags", "models", "metrics", "filters",
      "aggregations");

  private final CliContext context;

  @Parameters(index = "0", arity = "0..1", paramLabel = "<what>",
      description = "tasks (all of groups, tags, subtasks), groups, subtasks, tags, models, metrics, filters or "
          + "aggregations. Without it, this help.")
  String what;

  @Option(names = "--include_path", paramLabel = "<dir>",
      description = "Folder of extra task YAML files to include.")
  String includePath;

  @Option(names = "--dataset_dir", paramLabel = "<dir>",
      description = "Offline dataset mirror (default: $LMEVAL_DATASETS).")
  String datasetDir;

  @Mixin
  KernelOptions kernelOptions = new KernelOptions();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  ListCommand(CliContext context) {
    this.context = context;
  }

  /** Whether there is nothing to list (lm-eval then prints the help). */
  boolean showsHelp() {
    return what == null;
  }

  @Override
  public Integer call() {
    if (!WHAT.contains(what)) {
      throw CliException.usage("argument what: invalid choice: '" + what + "' (choose from "
          + String.join(", ", WHAT) + ")");
    }
    try (Kernel kernel = kernelOptions.start(context.env())) {
      String text = switch (what) {
        case "models" -> components(kernel.registry().modelBackends(), "Model", ModelBackend::description);
        case "metrics" -> components(kernel.registry().metrics(), "Metric", m -> "");
        case "filters" -> components(kernel.registry().filters(), "Filter", f -> "");
        case "aggregations" -> components(kernel.registry().aggregations(), "Aggregation", a -> "");
        default -> tasks(kernel);
      };
      context.out().println(text);
      context.out().flush();
      return ExitCodes.OK;
    }
  }

  private <T> String components(Registry<T> registry, String header, Function<T, String> description) {
    boolean withDescription = registry.names().stream().anyMatch(n -> !description.apply(registry.get(n)).isEmpty());
    List<String> headers = new ArrayList<>(List.of(header, "Plugin", "Version", "Source"));
    if (withDescription) {
      headers.add("Description");
    }
    MarkdownTable table = new MarkdownTable(headers);
    for (String name : registry.names()) {
      Origin origin = registry.origin(name).orElse(new Origin("?", "", "?"));
      List<String> row = new ArrayList<>(List.of(name, origin.pluginId(), origin.version(), origin.source()));
      if (withDescription) {
        row.add(description.apply(registry.get(name)));
      }
      table.row(row);
    }
    return table.render();
  }

  private String tasks(Kernel kernel) {
    List<Path> include = includePath == null ? List.of() : List.of(context.env().resolve(includePath));
    Path datasets = datasetDir != null ? context.env().resolve(datasetDir)
        : context.env().getenv(CliEnvironment.DATASETS_ENV).map(context.env()::resolve).orElse(null);
    TaskCatalog catalog = TaskCatalogs.open(context.env(), kernel, include, datasets);
    MarkdownTable groups = new MarkdownTable(List.of("Group", "Config Location"));
    MarkdownTable tags = new MarkdownTable(List.of("Tag"));
    MarkdownTable subtasks = new MarkdownTable(List.of("Task", "Config Location", "Output Type"));
    for (TaskCatalog.Entry e : catalog.entries()) {
      String location = e.configLocation() == null ? "---" : e.configLocation();
      switch (e.kind()) {
        case GROUP -> groups.row(List.of(e.name(), location));
        case TAG -> tags.row(List.of(e.name()));
        case TASK -> subtasks.row(List.of(e.name(), location, e.outputType() == null ? "" : e.outputType()));
        default -> throw new IllegalStateException("unknown kind " + e.kind());
      }
    }
    StringBuilder b = new StringBuilder("\n");
    if (what.equals("tasks") || what.equals("groups")) {
      b.append(groups.render()).append("\n\n");
    }
    if (what.equals("tasks") || what.equals("tags")) {
      b.append(tags.render()).append("\n\n");
    }
    if (what.equals("tasks") || what.equals("subtasks")) {
      b.append(subtasks.render()).append("\n\n");
    }
    return b.toString();
  }
}
