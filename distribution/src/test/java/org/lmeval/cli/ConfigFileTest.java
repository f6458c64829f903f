package org.lmeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.platform.eval.EvalSettings;

/** --config: flags over the file over the defaults; bad files are configuration errors naming file and key. */
class ConfigFileTest {
  @TempDir
  Path dir;

  private CliRun.Result run(CliRun cli, String yaml, String... flags) throws IOException {
    Files.writeString(dir.resolve("c.yaml"), yaml);
    String[] args = new String[flags.length + 2];
    args[0] = "--config";
    args[1] = "c.yaml";
    System.arraycopy(flags, 0, args, 2, flags.length);
    return cli.run(args);
  }

  @Test
  void flagsOverrideTheFileWhichOverridesDefaults() throws IOException {
    CliRun cli = new CliRun(dir);
    CliRun.Result r = run(cli, """
        model: dummy
        tasks: [arc_easy, "arc_challenge,hellaswag"]
        model_args: {pretrained: m, dtype: float32}
        num_fewshot: 5
        batch_size: auto
        apply_chat_template: true
        include_path: [t1, t2]
        seed: [1, null, 3]
        bootstrap_iters: 10
        """, "--num_fewshot", "0", "--model_args", "pretrained=cli");
    assertEquals(0, r.exitCode(), r.err());
    EvalSettings s = cli.lastSettings();
    assertEquals("dummy", s.model());
    assertEquals(List.of("arc_easy", "arc_challenge", "hellaswag"), s.tasks());
    assertEquals(Map.of("pretrained", "cli"), s.modelArgs(), "a given dict flag replaces the file's dict");
    assertEquals(0, s.numFewshot(), "0 counts as given");
    assertEquals("auto", s.batchSize());
    assertEquals("", s.applyChatTemplate());
    assertEquals(Boolean.TRUE, s.fewshotAsMultiturn());
    assertEquals(List.of(dir.resolve("t1"), dir.resolve("t2")), s.includePaths());
    assertEquals(Arrays.asList(1, null, 3, 1234), Arrays.asList(s.randomSeed(), s.numpySeed(), s.torchSeed(),
        s.fewshotSeed()));
    assertEquals(10, s.bootstrapIters());
  }

  @Test
  void emptyFlagValuesDoNotOverride() throws IOException {
    CliRun cli = new CliRun(dir);
    CliRun.Result r = run(cli, "model: dummy\ntasks: arc_easy\nsystem_instruction: from file\n",
        "--system_instruction", "");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("from file", cli.lastSettings().systemInstruction());
  }

  @Test
  void nullSeedMeansNoSeeding() throws IOException {
    CliRun cli = new CliRun(dir);
    assertEquals(0, run(cli, "model: dummy\ntasks: arc_easy\nseed: null\n").exitCode());
    EvalSettings s = cli.lastSettings();
    assertEquals(Arrays.asList(null, null, null, null), Arrays.asList(s.randomSeed(), s.numpySeed(), s.torchSeed(),
        s.fewshotSeed()));
  }

  @Test
  void unknownKeyIsAConfigurationErrorWithSuggestion() throws IOException {
    CliRun.Result r = run(new CliRun(dir), "modle: dummy\ntasks: arc_easy\n");
    assertEquals(ExitCodes.CONFIGURATION, r.exitCode());
    assertEquals("lm-eval: error: config file " + dir.resolve("c.yaml") + ": unknown key 'modle'; did you mean "
        + "'model'? (see docs/troubleshooting.md#config-file)\n", r.err());
  }

  @Test
  void badValueNamesFileAndKey() throws IOException {
    CliRun.Result r = run(new CliRun(dir), "model: dummy\ntasks: arc_easy\nnum_fewshot: many\n");
    assertEquals(ExitCodes.CONFIGURATION, r.exitCode());
    assertEquals("lm-eval: error: config file " + dir.resolve("c.yaml") + ": key 'num_fewshot': expected an integer, "
        + "got many\n", r.err());
  }

  @Test
  void brokenYamlAndMissingFileAreConfigurationErrors() throws IOException {
    CliRun.Result r = run(new CliRun(dir), "model: [dummy\n");
    assertEquals(ExitCodes.CONFIGURATION, r.exitCode());
    assertTrue(r.err().startsWith("lm-eval: error: invalid YAML in config file " + dir.resolve("c.yaml")), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    r = new CliRun(dir).run("--config", "absent.yaml");
    assertEquals(ExitCodes.CONFIGURATION, r.exitCode());
    assertTrue(r.err().startsWith("lm-eval: error: config file not found: " + dir.resolve("absent.yaml")), r.err());
    r = run(new CliRun(dir), "- a\n- b\n");
    assertEquals(ExitCodes.CONFIGURATION, r.exitCode());
    assertTrue(r.err().contains("the YAML root must be a mapping"), r.err());
  }

  @Test
  void dictSettingsGivenAsStringsUseRuleP2() throws IOException {
    CliRun cli = new CliRun(dir);
    assertEquals(0, run(cli, "model: dummy\ntasks: arc_easy\ngen_kwargs: \"temperature=0,until='x',n=-1\"\n")
        .exitCode());
    assertEquals(Map.of("temperature", 0, "until", "x", "n", -1), cli.lastSettings().genKwargs());
  }

  @Test
  void theShippedExampleConfigIsValid() throws IOException {
    Path shipped = Path.of("src/main/dist/conf/run-config.yaml");
    CliRun cli = new CliRun(dir);
    CliRun.Result r = cli.run("--config", shipped.toAbsolutePath().toString(), "--model", "dummy", "--tasks", "x");
    assertEquals(0, r.exitCode(), r.err());
    // Everything but the Hub settings (which come from the environment) is at its default.
    assertEquals(EvalSettings.builder().model("dummy").tasks(List.of("x"))
        .datasetOptions(cli.lastSettings().datasetOptions()).modelHubOptions(cli.lastSettings().modelHubOptions())
        .build(), cli.lastSettings());
  }
}
