package org.lmeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'lm-eval plugins' and 'lm-eval ls models|metrics|filters|aggregations' over a real kernel. */
class PluginsCommandTest {
  @TempDir
  Path dir;

  @Test
  void pluginsListsWhatLoadedAndWhyOthersFailed() {
    CliRun.Result r = new CliRun(dir).plugins(new TestPlugins.Clashing()).run("plugins");
    assertEquals(0, r.exitCode(), r.err());
    String[] lines = r.out().split("\n");
    assertEquals("|              Plugin               |Version|API|Source|Status|     Components      |", lines[0]);
    assertTrue(lines[2].startsWith("|org.lmeval.cli.TestPlugins$Models  |       |   |test  |loaded|model dummy, model hf|"),
        lines[2]);
    assertTrue(lines[3].startsWith("|org.lmeval.cli.TestPlugins$Clashing|       |   |test  |FAILED|"), lines[3]);
    assertTrue(r.out().contains("\nerror: org.lmeval.cli.TestPlugins$Clashing: duplicate model name 'dummy'"),
        r.out());
  }

  @Test
  void strictPluginsMakesAFailureFatal() {
    CliRun.Result r = new CliRun(dir).plugins(new TestPlugins.Clashing()).run("plugins", "--strict_plugins");
    assertEquals(ExitCodes.CONFIGURATION, r.exitCode());
    assertTrue(r.err().startsWith("lm-eval: error: plugins failed to load"), r.err());
  }

  @Test
  void noPluginsSaysSo() {
    CliRun.Result r = new CliRun(dir).noPlugins().run("plugins");
    assertEquals(0, r.exitCode());
    assertEquals("No plugins found (no plugins folder: give --plugins_dir).\n", r.out());
  }

  @Test
  void lsModelsListsNamesWithTheirOrigin() {
    CliRun.Result r = new CliRun(dir).run("ls", "models");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("""
        |Model|             Plugin              |Version|Source|   Description   |
        |-----|---------------------------------|-------|------|-----------------|
        |dummy|org.lmeval.cli.TestPlugins$Models|       |test  |answers at random|
        |hf   |org.lmeval.cli.TestPlugins$Models|       |test  |                 |

        """, r.out());
  }

  @Test
  void lsMetricsWithNoneRegisteredIsAnEmptyTable() {
    CliRun.Result r = new CliRun(dir).run("ls", "metrics");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("|Metric|Plugin|Version|Source|\n|------|------|-------|------|\n\n", r.out());
  }

  @Test
  void lsRejectsUnknownListings() {
    CliRun.Result r = new CliRun(dir).run("ls", "modles");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().startsWith("lm-eval: error: argument what: invalid choice: 'modles' (choose from tasks, "),
        r.err());
  }

  @Test
  void theKernelGetsThePluginsFolderRuntimeAndCacheDirectory() {
    CliRun cli = new CliRun(dir).installHome(dir);
    java.nio.file.Path plugins = dir.resolve("plugins");
    assertTrue(plugins.toFile().mkdirs());
    assertEquals(0, cli.run("plugins", "--runtime", "osgi").exitCode());
    var config = cli.kernelConfigs.get(0);
    assertEquals(plugins, config.pluginsDir());
    assertTrue(config.osgi());
    assertEquals(dir.resolve("home/.cache/lm-eval-java"), config.workDir());
    CliRun withCacheEnv = new CliRun(dir).env(java.util.Map.of("LMEVAL_CACHE_DIR", "cache"));
    assertEquals(0, withCacheEnv.run("plugins").exitCode());
    assertEquals(dir.resolve("cache"), withCacheEnv.kernelConfigs.get(0).workDir());
  }
}
