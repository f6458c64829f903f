package org.lmeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.ApiVersion;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The help documents every flag of lm-eval 0.4.13's run, with lm-eval's names, short flags and arities. */
class HelpTest {
  @TempDir
  Path dir;

  @Test
  void topLevelHelpListsEveryRunFlagOfLmEval() {
    CliRun.Result r = new CliRun(dir).run("-h");
    assertEquals(0, r.exitCode());
    for (JsonNode flag : Fixtures.cli().get("run_flags")) {
      for (JsonNode name : flag.get("option_strings")) {
        assertTrue(r.out().matches("(?s).*(^|[\\s,])" + java.util.regex.Pattern.quote(name.asText()) + "[\\s,].*"),
            "help lacks " + name.asText());
      }
    }
    for (String own : List.of("--dataset_dir", "--bootstrap_iters", "--plugins_dir", "--runtime", "--strict_plugins",
        "--version")) {
      assertTrue(r.out().contains(own), "help lacks " + own);
    }
    for (String command : List.of("run", "ls", "validate", "plugins")) {
      assertTrue(r.out().contains("\n  " + command + " "), "help lacks command " + command);
    }
  }

  @Test
  void helpStatesLmEvalsDefaults() {
    String help = new CliRun(dir).run("run", "--help").out().replaceAll("\\s+", " ");
    assertTrue(help.contains("Model backend name (default: hf)"), help);
    assertTrue(help.contains("'auto:N' to re-tune N times (default: 1)"), help);
    assertTrue(help.contains("(default: 0,1234,1234,1234)"), help);
    assertTrue(help.contains("(default: 100000)"), help);
    assertTrue(help.contains("lm-eval uses cuda:0"), "our device default differs and says so");
  }

  @Test
  void everyLmEvalFlagHasTheSameShortNameAndArity() {
    CommandLine run = Main.commandLine("run", context());
    for (JsonNode flag : Fixtures.cli().get("run_flags")) {
      List<String> names = new java.util.ArrayList<>();
      flag.get("option_strings").forEach(n -> names.add(n.asText()));
      OptionSpec option = run.getCommandSpec().findOption(names.get(0));
      assertNotNull(option, "no option " + names.get(0));
      assertEquals(names.stream().sorted().toList(), List.of(option.names()).stream().sorted().toList(),
          "names of " + names.get(0));
      String nargs = flag.get("nargs").isNull() ? "None" : flag.get("nargs").asText();
      String arity = option.arity().toString();
      String expected = switch (nargs) {
        case "0" -> "0";
        case "None" -> "1";
        case "?" -> "0..1";
        case "+" -> "1..*";
        default -> throw new AssertionError("unexpected nargs " + nargs);
      };
      assertEquals(expected, arity, "arity of " + names.get(0));
      if (flag.get("metavar").isTextual()) {
        assertEquals(flag.get("metavar").asText(), option.paramLabel(), "metavar of " + names.get(0));
      }
    }
  }

  @Test
  void noArgumentsPrintsTheHelpAndRunAlonePrintsRunsHelp() {
    CliRun.Result none = new CliRun(dir).run();
    assertEquals(0, none.exitCode());
    assertTrue(none.out().startsWith("Usage: lm-eval [-h] [--version] <command> [options]"), none.out());
    CliRun.Result run = new CliRun(dir).run("run");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().startsWith("Usage: lm-eval [run] --model <model> --tasks <task>"), run.out());
    CliRun.Result ls = new CliRun(dir).run("ls");
    assertEquals(0, ls.exitCode());
    assertTrue(ls.out().startsWith("Usage: lm-eval ls [tasks|groups|subtasks|tags|models"), ls.out());
  }

  @Test
  void versionNamesTheCompatibleLmEval() {
    CliRun.Result r = new CliRun(dir).run("--version");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().matches("lm-eval-java \\d+\\.\\d+\\.\\d+\\S* \\(lm-eval 0\\.4\\.13 compatible; API "
        + ApiVersion.current().toString().replace(".", "\\.") + "; Java .*\\)\\R"),
        r.out());
  }

  private CliContext context() {
    return new CliContext(new CliRun(dir).environment(), new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()));
  }
}
