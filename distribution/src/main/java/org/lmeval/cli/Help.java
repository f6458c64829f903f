package org.lmeval.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The help texts: the top-level one ({@code lm-eval -h}: the commands, then every flag of {@code run}). */
final class Help {
  static final List<Map.Entry<String, String>> COMMANDS = List.of(
      Map.entry("run", "Evaluate a model on tasks (the default command: 'lm-eval --model ...' is "
          + "'lm-eval run --model ...')"),
      Map.entry("ls", "List tasks, groups, subtasks, tags, models, metrics, filters or aggregations"),
      Map.entry("validate", "Check that tasks exist and render their first prompts, without a model"),
      Map.entry("plugins", "List the plugins found, what each registered, and why any failed"),
      Map.entry("serve", "Serve a model over OpenAI-compatible HTTP (with optional fault injection)"));

  private Help() {}

  /** Groups the options of {@code run}'s help under lm-eval's headings. */
  static void groupRunOptions(CommandLine run) {
    run.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, help -> "");
    run.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, help -> {
      StringBuilder b = new StringBuilder();
      for (Map.Entry<String, List<String>> group : RunCommand.HELP_GROUPS) {
        CommandLine.Help.Layout layout = help.createDefaultLayout();
        for (String name : group.getValue()) {
          OptionSpec option = run.getCommandSpec().findOption(name);
          if (option == null) {
            throw new IllegalStateException("help group names unknown option " + name);
          }
          layout.addOption(option, help.createDefaultParamLabelRenderer());
        }
        b.append(System.lineSeparator()).append(group.getKey()).append(':').append(System.lineSeparator())
            .append(layout);
      }
      return b.toString();
    });
  }

  /** {@code lm-eval -h}: what lm-eval-java is, the commands, then the whole help of {@code run}. */
  static String topLevel(CommandLine run) {
    String nl = System.lineSeparator();
    StringBuilder b = new StringBuilder()
        .append("Usage: lm-eval [-h] [--version] <command> [options]").append(nl)
        .append("       lm-eval --model <model> --tasks <task> [options]   (same as 'lm-eval run ...')").append(nl)
        .append(nl)
        .append("lm-eval-java evaluates language models on the JVM and gives the numbers lm-eval ").append(nl)
        .append("(EleutherAI's lm-evaluation-harness) 0.4.13 gives, with the same command line.").append(nl)
        .append(nl)
        .append("Commands:").append(nl);
    for (Map.Entry<String, String> c : COMMANDS) {
      b.append(String.format("  %-10s %s", c.getKey(), c.getValue())).append(nl);
    }
    b.append(nl).append("Options:").append(nl)
        .append("  -h, --help   Show this help and exit.").append(nl)
        .append("  --version    Print the version and exit.").append(nl)
        .append(nl).append("'lm-eval <command> --help' shows one command's help. The help of 'run' follows.")
        .append(nl).append(nl)
        .append(run.getUsageMessage());
    return b.toString();
  }
}
