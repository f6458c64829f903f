package org.lmeval.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lmeval.platform.Kernel;
import org.lmeval.platform.plugin.PluginStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lm-eval plugins}: the plugins folder, then every plugin the kernel found as a table (id, version, API
 * version, source relative to the folder, status, components), then one line per plugin that failed with its
 * error.
 */
@Command(name = "plugins", separator = " ", sortOptions = false, usageHelpWidth = 100,
    description = "List the plugins that were found, what each one registered, and why any failed to load.")
final class PluginsCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin
  KernelOptions kernelOptions = new KernelOptions();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  PluginsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Kernel kernel = kernelOptions.start(context.env())) {
      List<PluginStatus> plugins = kernel.loadReport().plugins();
      if (plugins.isEmpty()) {
        context.out().println("No plugins found" + (context.env().defaultPluginsDir() == null
            && kernelOptions.pluginsDir == null ? " (no plugins folder: give --plugins_dir)" : "") + ".");
        return ExitCodes.OK;
      }
      Path folder = kernelOptions.pluginsDir(context.env());
      if (folder != null) {
        context.out().println("Plugins folder: " + folder);
        context.out().println();
      }
      MarkdownTable table = new MarkdownTable(List.of("Plugin", "Version", "API", "Source", "Status", "Components"));
      for (PluginStatus p : plugins) {
        table.row(List.of(p.id(), p.version(), p.apiVersion(), shortSource(p.source(), folder),
            p.loaded() ? "loaded" : "FAILED", String.join(", ", p.components())));
      }
      context.out().print(table.render());
      List<PluginStatus> failures = kernel.loadReport().failures();
      if (!failures.isEmpty()) {
        context.out().println();
        for (PluginStatus p : failures) {
          context.out().println("error: " + p.id() + ": " + p.error());
        }
      }
      context.out().flush();
      return ExitCodes.OK;
    }
  }

  /** A source inside the plugins folder is shown relative to it. */
  private static String shortSource(String source, Path folder) {
    if (folder != null) {
      try {
        Path path = Path.of(source);
        if (path.isAbsolute() && path.startsWith(folder)) {
          return folder.relativize(path).toString();
        }
      } catch (java.nio.file.InvalidPathException notAPath) {
        return source;
      }
    }
    return source;
  }
}
