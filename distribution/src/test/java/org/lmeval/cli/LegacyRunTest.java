package org.lmeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lm-eval's legacy form: without a command name, 'run' is inserted. */
class LegacyRunTest {
  @TempDir
  Path dir;

  @Test
  void flagsWithoutCommandAreARun() {
    CliRun legacy = new CliRun(dir);
    assertEquals(0, legacy.run("--model", "dummy", "--tasks", "arc_easy", "--limit", "3").exitCode());
    CliRun explicit = new CliRun(dir);
    assertEquals(0, explicit.run("run", "--model", "dummy", "--tasks", "arc_easy", "--limit", "3").exitCode());
    assertEquals(explicit.lastSettings(), legacy.lastSettings());
    assertEquals("dummy", legacy.lastSettings().model());
    assertEquals(3.0, legacy.lastSettings().limit());
  }

  @Test
  void shortFlagsAndAttachedValuesWork() {
    CliRun cli = new CliRun(dir);
    assertEquals(0, cli.run("-Mdummy", "-t", "arc_easy", "-L5", "-f", "2", "-b", "auto:4", "-sw", "-o", "out")
        .exitCode());
    assertTrue(cli.lastSettings().logSamples());
    assertTrue(cli.lastSettings().writeOut());
    assertEquals(5.0, cli.lastSettings().limit());
    assertEquals(2, cli.lastSettings().numFewshot());
    assertEquals("auto:4", cli.lastSettings().batchSize());
  }

  @Test
  void valuesAttachedWithEqualsWork() {
    CliRun cli = new CliRun(dir);
    assertEquals(0, cli.run("--model=dummy", "--tasks=arc_easy", "--limit=7", "-f=3", "--model_args=a=1,b=2",
        "--apply_chat_template=chatml", "--seed=5", "-apretrained=m").exitCode());
    assertEquals("dummy", cli.lastSettings().model());
    assertEquals(java.util.List.of("arc_easy"), cli.lastSettings().tasks());
    assertEquals(7.0, cli.lastSettings().limit());
    assertEquals(3, cli.lastSettings().numFewshot());
    assertEquals(java.util.Map.of("a", 1, "b", 2, "pretrained", "m"), cli.lastSettings().modelArgs());
    assertEquals("chatml", cli.lastSettings().applyChatTemplate());
    assertEquals(5, cli.lastSettings().fewshotSeed());
    assertEquals(0, cli.run("--model", "dummy", "--tasks", "arc_easy", "--model_args=").exitCode());
    assertEquals(java.util.Map.of(), cli.lastSettings().modelArgs());
  }

  @Test
  void unknownCommandIsAUsageErrorWithSuggestion() {
    CliRun.Result r = new CliRun(dir).run("runn", "--model", "dummy");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().startsWith("lm-eval: error: unknown command 'runn'; did you mean 'run'?"), r.err());
    r = new CliRun(dir).run("xyzzy");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().startsWith("lm-eval: error: unknown command 'xyzzy' (commands: run, ls, validate, plugins"),
        r.err());
  }

  @Test
  void uniquePrefixesOfLongFlagsAreAcceptedAsInArgparse() {
    CliRun cli = new CliRun(dir);
    assertEquals(0, cli.run("--model", "dummy", "--tasks", "arc_easy", "--num", "4", "--system_i", "Be brief")
        .exitCode());
    assertEquals(4, cli.lastSettings().numFewshot());
    assertEquals("Be brief", cli.lastSettings().systemInstruction());
  }

  @Test
  void negativeNumbersAreValues() {
    CliRun cli = new CliRun(dir);
    assertEquals(0, cli.run("--model", "dummy", "--tasks", "arc_easy", "--num_fewshot", "-1", "--limit", "-.5")
        .exitCode());
    assertEquals(-1, cli.lastSettings().numFewshot());
    assertEquals(-0.5, cli.lastSettings().limit());
    CliRun.Result r = new CliRun(dir).run("--model", "dummy", "--tasks", "arc_easy", "--gen_kwargs", "a=1", "-x=1");
    assertEquals(ExitCodes.USAGE, r.exitCode(), "argparse takes -x=1 for an option, never for a value");
  }
}
