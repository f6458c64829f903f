package org.lmeval.platform.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.testkit.hub.FakeHub;

/**
 * The kernel's {@code snapshot_download} for model repos against a fake Hub on loopback serving the shared
 * stories260K ONNX folder. (Here rather than in platform/kernel: the fake Hub lives in the testkit, which
 * depends on the kernel.)
 */
class HubModelSnapshotsTest {
  private static final String REPO = "karpathy/stories260K";
  private static final String TOKEN = "hf_fakeModelToken42";
  private static final String MAIN = FakeHub.sha1("stories-main");
  private static final String OLD = FakeHub.sha1("stories-old");
  private static final List<String> ONNX = List.of("*.json", "*.jinja", "tokenizer.model", "model.onnx",
      "model.onnx_data*");

  @TempDir
  Path dir;
  FakeHub hub;
  Path onnx;

  static Path shared() {
    String property = System.getProperty("lmeval.shared.dir");
    return property != null && Files.isDirectory(Path.of(property)) ? Path.of(property) : Path.of("/work/shared");
  }

  @BeforeEach
  void start() throws IOException {
    hub = new FakeHub();
    onnx = shared().resolve("models/stories260K/onnx");
    FakeHub.Repo repo = hub.publishModel(REPO, onnx, "main", MAIN);
    Map<String, byte[]> old = new LinkedHashMap<>();
    old.put("config.json", "{\"old\": true}".getBytes());
    old.put("model.onnx", new byte[] {1, 2, 3});
    repo.commits.put(OLD, new FakeHub.Commit(old, null));
    repo.refs.put("v0.1", OLD);
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  private HubModelSnapshots snapshots(boolean offline, String token) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("endpoint", hub.endpoint() + "/");
    options.put("cache_dir", dir.resolve("hub").toString());
    options.put("offline", offline);
    if (token != null) {
      options.put("token", token);
    }
    return new HubModelSnapshots(HubSettings.of(options));
  }

  @Test
  void downloadsTheMatchingFilesOnceIntoThePythonCacheLayout() throws IOException {
    Path snap = snapshots(false, null).snapshot(REPO, null, ONNX);
    Path repoDir = dir.resolve("hub/models--karpathy--stories260K");
    assertEquals(repoDir.resolve("snapshots/" + MAIN), snap);
    assertEquals(MAIN, Files.readString(repoDir.resolve("refs/main")));
    for (String f : List.of("config.json", "tokenizer.json", "tokenizer_config.json", "model.onnx")) {
      assertArrayEquals(Files.readAllBytes(onnx.resolve(f)), Files.readAllBytes(snap.resolve(f)), f);
      assertTrue(Files.isSymbolicLink(snap.resolve(f)), "snapshot files link to blobs/: " + f);
    }
    com.fasterxml.jackson.databind.JsonNode tree = FakeHub.JSON.readTree(repoDir.resolve("trees/" + MAIN + ".json")
        .toFile());
    assertEquals(1, tree.path("format_version").asInt(), "huggingface_hub's trees/<commit>.json format");
    assertEquals(FakeHub.sha1(Files.readString(onnx.resolve("config.json"))),
        tree.path("files").path("config.json").path("blob_id").asText());
    assertEquals(Files.size(onnx.resolve("model.onnx")), tree.path("files").path("model.onnx").path("lfs_size").asLong());
    assertEquals(64, tree.path("files").path("model.onnx").path("lfs_sha256").asText().length());
    assertTrue(hub.log.stream().anyMatch(s -> s.target().contains("/api/models/" + REPO + "/revision/main")));
    assertTrue(hub.log.stream().anyMatch(s -> s.target().contains("cursor=2")), "the listing is read page by page");
    assertTrue(hub.log.stream().anyMatch(s -> s.server().equals("storage")), "model.onnx came from storage");
    assertTrue(hub.log.stream().filter(s -> s.target().contains("/resolve/")).allMatch(
        s -> s.target().contains("/resolve/" + MAIN + "/")), "files are read at the pinned commit");

    int seen = hub.log.size();
    assertEquals(snap, snapshots(false, null).snapshot(REPO, MAIN, ONNX));
    assertEquals(seen, hub.log.size(), "a complete commit snapshot is served without a request");
    snapshots(false, null).snapshot(REPO, "main", ONNX);
    assertEquals(0, hub.log.subList(seen, hub.log.size()).stream().filter(s -> s.target().contains("/resolve/"))
        .count(), "a branch costs one revision call, nothing is downloaded again");
  }

  @Test
  void allowPatternsLimitWhatIsFetched() {
    Path snap = snapshots(false, null).snapshot(REPO, null, List.of("*.json"));
    assertTrue(Files.isRegularFile(snap.resolve("config.json")));
    assertFalse(Files.exists(snap.resolve("model.onnx")));
    assertTrue(hub.log.stream().noneMatch(s -> s.server().equals("storage")));
  }

  @Test
  void offlineOrUnreachableServesTheCacheAndNoRequestIsMade() {
    Path snap = snapshots(false, null).snapshot(REPO, null, ONNX);
    hub.stop();
    int seen = hub.log.size();
    assertEquals(snap, snapshots(true, null).snapshot(REPO, null, ONNX));
    assertEquals(seen, hub.log.size());
    assertEquals(snap, snapshots(false, null).snapshot(REPO, "main", ONNX), "an unreachable Hub falls back");
  }

  @Test
  void offlineAndNotCachedIsOneClearError() {
    EvalException e = assertThrows(EvalException.class, () -> snapshots(true, null).snapshot(REPO, "v0.1", ONNX));
    assertEquals(ErrorCode.BACKEND_UNAVAILABLE, e.code());
    String m = e.getMessage();
    assertTrue(m.contains(REPO) && m.contains("'v0.1'") && m.contains(dir.resolve("hub").toString())
        && m.contains("HF_HUB_OFFLINE") && m.contains("huggingface-cli download"), m);
    assertFalse(m.contains("\n"), "one line");
    assertTrue(hub.log.isEmpty(), "offline makes no request");

    snapshots(false, null).snapshot(REPO, null, List.of("*.json"));
    e = assertThrows(EvalException.class, () -> snapshots(true, null).snapshot(REPO, null, ONNX));
    assertTrue(e.getMessage().contains("lacks model.onnx"), e.getMessage());
  }

  @Test
  void aBranchOrTagIsPinnedToItsCommitInRefs() throws IOException {
    Path snap = snapshots(false, null).snapshot(REPO, "v0.1", ONNX);
    assertEquals(OLD, snap.getFileName().toString());
    assertEquals(OLD, Files.readString(dir.resolve("hub/models--karpathy--stories260K/refs/v0.1")));
    assertEquals("{\"old\": true}", Files.readString(snap.resolve("config.json")));
    hub.stop();
    assertEquals(snap, snapshots(true, null).snapshot(REPO, "v0.1", ONNX));
  }

  @Test
  void theTokenGoesToTheHubOnlyNeverToStorage() {
    hub.modelRepo(REPO).token = TOKEN;
    snapshots(false, TOKEN).snapshot(REPO, null, ONNX);
    assertTrue(hub.log.stream().filter(s -> s.server().equals("hub"))
        .allMatch(s -> ("Bearer " + TOKEN).equals(s.authorization())));
    assertTrue(hub.log.stream().anyMatch(s -> s.server().equals("storage")));
    assertTrue(hub.log.stream().filter(s -> s.server().equals("storage")).allMatch(s -> s.authorization() == null));
    assertFalse(snapshots(false, TOKEN).toString().contains(TOKEN), "never in toString()");
  }

  @Test
  void hubErrorsAreOneLineNamingTheRepo() {
    EvalException missing = assertThrows(EvalException.class,
        () -> snapshots(false, TOKEN).snapshot("nobody/nothing", null, ONNX));
    assertTrue(missing.getMessage().contains("'nobody/nothing'") && missing.getMessage().contains("HTTP 404"),
        missing.getMessage());

    hub.modelRepo(REPO).token = TOKEN;
    EvalException anonymous = assertThrows(EvalException.class, () -> snapshots(false, null).snapshot(REPO, null, ONNX));
    assertTrue(anonymous.getMessage().contains(REPO) && anonymous.getMessage().contains("HF_TOKEN")
        && anonymous.getMessage().contains("401"), anonymous.getMessage());
    EvalException wrong = assertThrows(EvalException.class,
        () -> snapshots(false, "hf_wrong").snapshot(REPO, null, ONNX));
    assertTrue(wrong.getMessage().contains("invalid or expired"), wrong.getMessage());
    assertFalse(wrong.getMessage().contains("hf_wrong"), "the token is never in messages");

    EvalException revision = assertThrows(EvalException.class,
        () -> snapshots(false, TOKEN).snapshot(REPO, "v9", ONNX));
    assertTrue(revision.getMessage().contains("revision 'v9' does not exist"), revision.getMessage());
    for (EvalException e : List.of(missing, anonymous, wrong, revision)) {
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
  }
}
