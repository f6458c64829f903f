package org.lmeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubEnvironmentTest {
  @TempDir
  Path dir;

  @Test
  void hubSettingsComeFromHuggingFaceVariables() throws Exception {
    CliRun cli = new CliRun(dir).env(Map.of("HF_ENDPOINT", "http://127.0.0.1:9/", "HF_HUB_OFFLINE", "1",
        "HF_HOME", "hf"));
    Files.createDirectories(dir.resolve("hf"));
    Files.writeString(dir.resolve("hf/token"), "hf_secret\n");
    assertEquals(0, cli.run("--model", "dummy", "--tasks", "arc_easy").exitCode());
    Map<String, Object> options = cli.lastSettings().datasetOptions();
    assertEquals("http://127.0.0.1:9/", options.get("endpoint"));
    assertEquals(true, options.get("offline"));
    assertEquals("hf_secret", options.get("token"));
    assertEquals(dir.resolve("hf/hub").toString(), options.get("cache_dir"));
  }

  @Test
  void hfTokenWinsOverTheTokenFileAndOfflineIsOffByDefault() {
    CliRun cli = new CliRun(dir).env(Map.of("HF_TOKEN", "t1", "HUGGING_FACE_HUB_TOKEN", "t2"));
    assertEquals(0, cli.run("--model", "dummy", "--tasks", "arc_easy").exitCode());
    assertEquals("t1", cli.lastSettings().datasetOptions().get("token"));
    assertEquals(null, cli.lastSettings().datasetOptions().get("offline"));
    assertEquals("t1", cli.lastSettings().modelHubOptions().get("token"));
    assertEquals(null, cli.lastSettings().modelHubOptions().get("offline"));
  }

  @Test
  void modelsGoOfflineWithTransformersOfflineButDatasetsDoNot() {
    CliRun cli = new CliRun(dir).env(Map.of("TRANSFORMERS_OFFLINE", "1", "HF_HUB_CACHE", "c", "HF_TOKEN", "hf_x"));
    assertEquals(0, cli.run("--model", "dummy", "--tasks", "arc_easy").exitCode());
    Map<String, Object> models = cli.lastSettings().modelHubOptions();
    assertEquals(true, models.get("offline"));
    assertEquals(dir.resolve("c").toString(), models.get("cache_dir"));
    assertEquals(null, cli.lastSettings().datasetOptions().get("offline"));
    assertEquals(false, cli.lastSettings().toString().contains("hf_x"), "the token stays out of toString()");
  }

  @Test
  void datasetsOfflineAloneLeavesModelsOnline() {
    CliRun cli = new CliRun(dir).env(Map.of("HF_DATASETS_OFFLINE", "1"));
    assertEquals(0, cli.run("--model", "dummy", "--tasks", "arc_easy").exitCode());
    assertEquals(true, cli.lastSettings().datasetOptions().get("offline"));
    assertEquals(null, cli.lastSettings().modelHubOptions().get("offline"));
  }
}
