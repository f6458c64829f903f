package org.lmeval.plugin.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.dataset.DatasetRequest;
import org.lmeval.platform.hub.HubDatasetRepos;
import org.lmeval.testkit.hub.FakeHub;

class HubDatasetProviderTest {
  private static final String TOKEN = "hf_fakeTokenForTests123";
  private static final String OLD = FakeHub.sha1("arc-old");
  private static final String NEW = FakeHub.sha1("arc-new");

  @TempDir
  Path dir;
  FakeHub hub;
  final HubDatasetProvider provider = new HubDatasetProvider();

  private static List<Map<String, Object>> mirror(String file) {
    return Records.asTable(JsonFiles.read(SharedData.datasets().resolve(file), null));
  }

  private byte[] parquet(List<Map<String, Object>> rows) throws IOException {
    Path f = Files.createTempFile(dir, "p", ".parquet");
    ParquetFixtures.write(f, rows, CompressionCodecName.SNAPPY);
    return Files.readAllBytes(f);
  }

  private static JsonNode card(String yamlAsJson) throws IOException {
    return FakeHub.JSON.readTree(yamlAsJson);
  }

  @BeforeEach
  void startHub() throws IOException {
    hub = new FakeHub();
    List<Map<String, Object>> easyTest = mirror("allenai/ai2_arc/ARC-Easy/test.jsonl");
    FakeHub.Repo arc = hub.datasetRepo("allenai/ai2_arc");
    JsonNode arcCard = card("""
        {"configs": [
          {"config_name": "ARC-Challenge", "data_files": [{"split": "test", "path": "ARC-Challenge/test-*"}]},
          {"config_name": "ARC-Easy", "data_files": [{"split": "test", "path": "ARC-Easy/test-*"},
                                                     {"split": "validation", "path": "ARC-Easy/validation-*"}]}]}""");
    Map<String, byte[]> newFiles = new LinkedHashMap<>();
    newFiles.put("README.md", "---\nconfigs: ...\n---\n".getBytes(StandardCharsets.UTF_8));
    newFiles.put("ARC-Challenge/test-00000-of-00001.parquet", parquet(mirror("allenai/ai2_arc/ARC-Challenge/test.jsonl")));
    newFiles.put("ARC-Easy/test-00000-of-00002.parquet", parquet(easyTest.subList(0, 1000)));
    newFiles.put("ARC-Easy/test-00001-of-00002.parquet", parquet(easyTest.subList(1000, easyTest.size())));
    newFiles.put("ARC-Easy/validation-00000-of-00001.parquet",
        parquet(mirror("allenai/ai2_arc/ARC-Easy/validation.jsonl")));
    arc.commits.put(NEW, new FakeHub.Commit(newFiles, arcCard));
    Map<String, byte[]> oldFiles = new LinkedHashMap<>();
    oldFiles.put("ARC-Easy/test-00000-of-00001.parquet", parquet(easyTest.subList(0, 100)));
    arc.commits.put(OLD, new FakeHub.Commit(oldFiles, arcCard));
    arc.refs.put("main", NEW);
    arc.refs.put("v1.0", OLD);

    FakeHub.Repo piqa = hub.datasetRepo("baber/piqa");
    Map<String, byte[]> piqaFiles = new LinkedHashMap<>();
    piqaFiles.put("README.md", "# piqa".getBytes(StandardCharsets.UTF_8));
    piqaFiles.put("data/validation-00000-of-00001.parquet", parquet(mirror("baber/piqa/default/validation.jsonl")));
    piqa.commits.put(FakeHub.sha1("piqa"), new FakeHub.Commit(piqaFiles, card("{}")));
    piqa.refs.put("main", FakeHub.sha1("piqa"));

    List<Map<String, Object>> wino = mirror("allenai/winogrande/winogrande_xl/validation.jsonl");
    FakeHub.Repo winogrande = hub.datasetRepo("allenai/winogrande");
    winogrande.commits.put(FakeHub.sha1("wino-main"), new FakeHub.Commit(Map.of("winogrande.py",
        "# legacy script".getBytes(StandardCharsets.UTF_8), "README.md", new byte[] {'#'}), card("{}")));
    winogrande.refs.put("main", FakeHub.sha1("wino-main"));
    Map<String, byte[]> converted = new LinkedHashMap<>();
    converted.put(".gitattributes", new byte[] {'*'});
    converted.put("winogrande_xl/validation/0000.parquet", parquet(wino));
    converted.put("winogrande_xl/partial-train/0000.parquet", parquet(wino.subList(0, 10)));
    converted.put("winogrande_debiased/validation/0000.parquet", parquet(wino.subList(0, 5)));
    winogrande.commits.put(FakeHub.sha1("wino-parquet"), new FakeHub.Commit(converted, null));
    winogrande.refs.put(HubDatasetProvider.PARQUET_BRANCH, FakeHub.sha1("wino-parquet"));

    FakeHub.Repo ifeval = hub.datasetRepo("google/IFEval");
    ifeval.token = TOKEN;
    ifeval.commits.put(FakeHub.sha1("ifeval"), new FakeHub.Commit(Map.of("ifeval_input_data.jsonl",
        Files.readAllBytes(SharedData.datasets().resolve("google/IFEval/default/train.jsonl"))), card("{}")));
    ifeval.refs.put("main", FakeHub.sha1("ifeval"));
  }

  @AfterEach
  void stopHub() {
    hub.close();
  }

  private Map<String, Object> settings(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    m.put("endpoint", hub.endpoint());
    m.put("cache_dir", dir.resolve("hub").toString());
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private List<Map<String, Object>> load(String path, String name, String split, Map<String, Object> kwargs,
      Map<String, Object> settings) {
    Options options = Options.of("dataset setting", settings);
    return provider.load(new DatasetRequest(path, name, split, kwargs, options,
        new HubDatasetRepos(org.lmeval.platform.hub.HubSettings.of(options)))).orElseThrow();
  }

  private EvalException fails(String path, String name, String split, Map<String, Object> kwargs,
      Map<String, Object> settings) {
    EvalException e = assertThrows(EvalException.class, () -> load(path, name, split, kwargs, settings));
    assertEquals(ErrorCode.INVALID_TASK, e.code());
    return e;
  }

  @Test
  void configAndSplitFromTheCardGiveTheMirrorsDocuments() {
    List<Map<String, Object>> docs = load("allenai/ai2_arc", "ARC-Easy", "test", Map.of(), settings());
    ParquetFilesTest.assertSameDocs(mirror("allenai/ai2_arc/ARC-Easy/test.jsonl"), docs);
    assertTrue(hub.log.stream().anyMatch(s -> s.target().contains("/revision/main")));
    assertTrue(hub.log.stream().anyMatch(s -> s.target().contains("cursor=2")), "the listing is read page by page");
    assertTrue(hub.log.stream().anyMatch(s -> s.target().contains("/resolve/" + NEW + "/ARC-Easy/test-00001")),
        "files are read at the pinned commit, not the branch");
    assertTrue(hub.log.stream().filter(s -> s.server().equals("storage")).count() >= 2);
    Path repo = dir.resolve("hub/datasets--allenai--ai2_arc");
    assertTrue(Files.isSymbolicLink(repo.resolve("snapshots/" + NEW + "/ARC-Easy/test-00000-of-00002.parquet")),
        "huggingface_hub cache layout: snapshots link to blobs");
    assertTrue(Files.isRegularFile(repo.resolve("trees/" + NEW + ".json")));
    assertTrue(Files.isRegularFile(dir.resolve("hub/CACHEDIR.TAG")));
  }

  @Test
  void revisionsArePinnedToTheirCommit() throws IOException {
    assertEquals(100, load("allenai/ai2_arc", "ARC-Easy", "test", Map.of("revision", "v1.0"), settings()).size());
    assertEquals(100, load("allenai/ai2_arc", "ARC-Easy", "test", Map.of("revision", OLD), settings()).size());
    assertEquals(2376, load("allenai/ai2_arc", "ARC-Easy", "test", Map.of(), settings()).size());
    Path refs = dir.resolve("hub/datasets--allenai--ai2_arc/refs");
    assertEquals(OLD, Files.readString(refs.resolve("v1.0")));
    assertEquals(NEW, Files.readString(refs.resolve("main")));
    EvalException e = fails("allenai/ai2_arc", "ARC-Easy", "test", Map.of("revision", "nope"), settings());
    assertTrue(e.getMessage().contains("revision 'nope' does not exist"), e.getMessage());
  }

  @Test
  void theSecondLoadIsServedFromTheCacheWithTheServerStopped() {
    List<Map<String, Object>> first = load("allenai/ai2_arc", "ARC-Challenge", "test", Map.of(), settings());
    hub.stop();
    assertEquals(first, load("allenai/ai2_arc", "ARC-Challenge", "test", Map.of(), settings()),
        "an unreachable Hub falls back to the cache");
    assertEquals(first, load("allenai/ai2_arc", "ARC-Challenge", "test", Map.of(), settings("offline", "1")));
    int seen = hub.log.size();
    assertEquals(first, load("allenai/ai2_arc", "ARC-Challenge", "test", Map.of(), settings("offline", true)));
    assertEquals(seen, hub.log.size(), "offline makes no request");
  }

  @Test
  void offlineAndNotCachedSaysWhatIsMissingAndWhatToDo() {
    EvalException e = fails("allenai/ai2_arc", "ARC-Easy", "validation", Map.of(), settings("offline", "true"));
    for (String s : List.of("allenai/ai2_arc", "ARC-Easy", "validation", "HF_HUB_OFFLINE", "not in the cache",
        "--dataset_dir")) {
      assertTrue(e.getMessage().contains(s), s + " in: " + e.getMessage());
    }
    assertTrue(hub.log.isEmpty(), "offline makes no request");
    load("allenai/ai2_arc", "ARC-Easy", "test", Map.of(), settings());
    e = fails("allenai/ai2_arc", "ARC-Easy", "validation", Map.of(), settings("offline", "1"));
    assertTrue(e.getMessage().contains("data file ARC-Easy/validation-00000-of-00001.parquet"), e.getMessage());
    hub.stop();
    e = fails("baber/piqa", null, "validation", Map.of(), settings());
    assertTrue(e.getMessage().contains("cannot reach the Hugging Face Hub"), e.getMessage());
  }

  @Test
  void defaultConventionsWithoutConfigs() {
    ParquetFilesTest.assertSameDocs(mirror("baber/piqa/default/validation.jsonl"),
        load("baber/piqa", null, "validation", Map.of(), settings()));
    EvalException e = fails("baber/piqa", null, "test", Map.of(), settings());
    assertTrue(e.getMessage().contains("no such split; available: validation"), e.getMessage());
    e = fails("baber/piqa", "other", "validation", Map.of(), settings());
    assertTrue(e.getMessage().contains("no config 'other'"), e.getMessage());
  }

  @Test
  void legacyScriptDatasetsAreReadFromTheParquetConversion() {
    ParquetFilesTest.assertSameDocs(mirror("allenai/winogrande/winogrande_xl/validation.jsonl"),
        load("allenai/winogrande", "winogrande_xl", "validation", Map.of(), settings()));
    assertEquals(5, load("allenai/winogrande", "winogrande_debiased", "validation",
        Map.of("revision", HubDatasetProvider.PARQUET_BRANCH), settings()).size());
    assertTrue(hub.log.stream().anyMatch(s -> s.target().contains("refs%2Fconvert%2Fparquet")),
        "the branch name is percent-encoded whole");
    EvalException e = fails("allenai/winogrande", "winogrande_xl", "train", Map.of(), settings());
    assertTrue(e.getMessage().contains("partial") && e.getMessage().contains("allow_partial"), e.getMessage());
    assertEquals(10, load("allenai/winogrande", "winogrande_xl", "train", Map.of("allow_partial", true), settings())
        .size());
    e = fails("allenai/winogrande", "winogrande_l", "validation", Map.of(), settings());
    assertTrue(e.getMessage().contains("no config 'winogrande_l'") && e.getMessage().contains("winogrande_xl"),
        e.getMessage());
  }

  @Test
  void gatedDatasetsNeedTheToken() {
    EvalException e = fails("google/IFEval", null, "train", Map.of(), settings());
    assertTrue(e.getMessage().contains("HF_TOKEN") && e.getMessage().contains("401"), e.getMessage());
    e = fails("google/IFEval", null, "train", Map.of(), settings("token", "hf_wrong"));
    assertTrue(e.getMessage().contains("invalid or expired"), e.getMessage());
    assertFalse(e.getMessage().contains("hf_wrong"), "the token is never in messages");
    List<Map<String, Object>> docs = load("google/IFEval", null, "train", Map.of(), settings("token", TOKEN));
    ParquetFilesTest.assertSameDocs(mirror("google/IFEval/default/train.jsonl"), docs);
    assertTrue(hub.log.stream().filter(s -> s.server().equals("hub") && s.authorization() != null)
        .allMatch(s -> s.authorization().equals("Bearer " + TOKEN) || s.authorization().equals("Bearer hf_wrong")));
  }

  @Test
  void theTokenGoesToTheHubOnlyNeverToStorage() {
    load("allenai/ai2_arc", "ARC-Easy", "validation", Map.of(), settings("token", TOKEN));
    assertTrue(hub.log.stream().filter(s -> s.server().equals("hub")).allMatch(s -> s.authorization() != null));
    assertTrue(hub.log.stream().filter(s -> s.server().equals("storage")).allMatch(s -> s.authorization() == null));
  }

  @Test
  void unknownDatasetsConfigsAndSplitsAreClearErrors() {
    EvalException e = fails("nobody/nothing", null, "test", Map.of(), settings());
    assertTrue(e.getMessage().contains("'nobody/nothing'") && e.getMessage().contains("doesn't exist"),
        e.getMessage());
    e = fails("nobody/nothing", null, "test", Map.of(), settings("token", TOKEN));
    assertTrue(e.getMessage().contains("doesn't exist") && e.getMessage().contains("404"), e.getMessage());
    e = fails("allenai/ai2_arc", "ARC-Medium", "test", Map.of(), settings());
    assertTrue(e.getMessage().contains("no config 'ARC-Medium'; available: ARC-Challenge, ARC-Easy"),
        e.getMessage());
    e = fails("allenai/ai2_arc", null, "test", Map.of(), settings());
    assertTrue(e.getMessage().contains("config name is missing"), e.getMessage());
    e = fails("allenai/ai2_arc", "ARC-Challenge", "validation", Map.of(), settings());
    assertTrue(e.getMessage().contains("split 'validation'") && e.getMessage().contains("available: test"),
        e.getMessage());
  }

  /** Under the task engine: the settings the CLI passes reach the provider; the docs equal the mirror's. */
  @Test
  void aTaskReadsFromTheHubWithTheRunsDatasetOptions() throws IOException {
    Path tasks = Files.createDirectories(dir.resolve("tasks"));
    Files.writeString(tasks.resolve("piqa_like.yaml"), """
        task: piqa_like
        dataset_path: baber/piqa
        output_type: multiple_choice
        validation_split: validation
        doc_to_text: "Question: {{goal}}\\nAnswer:"
        doc_to_target: label
        doc_to_choice: "{{[sol1, sol2]}}"
        """);
    Files.writeString(tasks.resolve("piqa_mirror.yaml"), "include: piqa_like.yaml\ntask: piqa_mirror\n");
    org.lmeval.platform.plugin.PluginRegistry registry = new org.lmeval.platform.plugin.PluginRegistry(List::of);
    registry.install(new LocalDatasetsPlugin(), new org.lmeval.platform.plugin.Origin("datasets-local", "", "test"));
    registry.addTaskSource(new org.lmeval.platform.task.DirectoryTaskSource(tasks));
    registry.freeze();
    org.lmeval.platform.task.TaskManager tm = new org.lmeval.platform.task.TaskManager(registry, List.of(), null);
    var viaHub = tm.select(List.of("piqa_like"), org.lmeval.platform.eval.EvalSettings.builder().limit(3.0)
        .datasetOptions(settings("token", TOKEN)).build()).tasks().get(0);
    var viaMirror = tm.select(List.of("piqa_mirror"), org.lmeval.platform.eval.EvalSettings.builder().limit(3.0)
        .datasetDir(SharedData.datasets()).build()).tasks().get(0);
    assertEquals(viaMirror.originalDocCount(), viaHub.originalDocCount());
    assertEquals(6, viaHub.instances().size());
    for (int i = 0; i < 6; i++) {
      assertEquals(viaMirror.instances().get(i).arguments(), viaHub.instances().get(i).arguments());
      assertEquals(viaMirror.instances().get(i).doc(), viaHub.instances().get(i).doc());
    }
  }

  @Test
  void genericLoaderNamesAndLocalPathsAreLeftToOtherProviders() {
    for (String p : List.of("json", "csv", "parquet", "text", "/abs/path", "./rel")) {
      assertTrue(provider.load(new DatasetRequest(p, null, "train", Map.of(), Options.empty())).isEmpty(), p);
    }
  }
}
