package org.lmeval.plugin.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.ModelContext;
import org.lmeval.platform.hub.HubModelSnapshots;
import org.lmeval.platform.hub.HubSettings;
import org.lmeval.plugin.djl.hf.HfLanguageModel;
import org.lmeval.testkit.hub.FakeHub;

/**
 * {@code pretrained=<Hub repo id>} through the kernel's Hub client against a fake Hub on loopback that serves
 * stories260K (ONNX and TorchScript weights side by side) as a model repo, large files redirected to a storage
 * host: the model opened by id gives the README's reference numbers, then works offline from the cache.
 */
class DjlHubTest {
  private static final String REPO = "karpathy/stories260K";
  private static final String MAIN = FakeHub.sha1("main");
  private static final String TOKEN = "hf_djlHubTestToken";
  private static final String CONTEXT = "Once upon a time, there was a little girl named";

  @TempDir
  Path tmp;
  FakeHub hub;

  @BeforeEach
  void publish() throws IOException {
    hub = new FakeHub();
    FakeHub.Repo repo = hub.publishModel(REPO, SharedModels.stories("onnx"), "main", MAIN);
    Map<String, byte[]> files = new TreeMap<>(repo.commits.get(MAIN).files());
    files.put("model.pt", Files.readAllBytes(SharedModels.stories("torchscript").resolve("model.pt")));
    files.put("README.md", "# stories260K".getBytes());
    repo.commits.put(MAIN, new FakeHub.Commit(files, null));
    // the same model one folder down, for subfolder=
    Map<String, byte[]> nested = new TreeMap<>();
    repo.commits.get(MAIN).files().forEach((path, bytes) -> {
      if (!path.equals("model.pt")) {
        nested.put("onnx-export/" + path, bytes);
      }
    });
    FakeHub.Repo sub = hub.modelRepo("org/nested");
    sub.commits.put(FakeHub.sha1("nested"), new FakeHub.Commit(nested, null));
    sub.refs.put("main", FakeHub.sha1("nested"));
    hub.modelRepo(REPO).token = TOKEN;
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  private ModelContext context(boolean offline) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("endpoint", hub.endpoint());
    options.put("token", TOKEN);
    options.put("cache_dir", tmp.resolve("hub").toString());
    options.put("offline", offline);
    return new ModelContext(Map.of(), new HubModelSnapshots(HubSettings.of(options)));
  }

  private static HfLanguageModel open(ModelContext context, Object... args) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      map.put((String) args[i], args[i + 1]);
    }
    Options options = Options.of("model arg", map);
    HfLanguageModel m = (HfLanguageModel) new DjlModelBackend().open(options, context);
    assertEquals(java.util.Set.of(), options.unreadKeys(), "every model arg is read in open()");
    return m;
  }

  private static double lily(LanguageModel m) {
    return m.loglikelihood(List.of(new LoglikelihoodRequest(CONTEXT, " Lily."))).get(0).logprob();
  }

  @Test
  void opensARepoIdWithTheReferenceNumbersThenOfflineFromTheCache() {
    String fingerprint;
    try (HfLanguageModel m = open(context(false), "pretrained", REPO)) {
      assertEquals(REPO, m.modelName(), "results show the repo id the user typed");
      assertEquals(-0.14692, lily(m), 1e-4);
      fingerprint = m.fingerprint();
    }
    Path snapshot = tmp.resolve("hub/models--karpathy--stories260K/snapshots/" + MAIN);
    assertTrue(Files.isRegularFile(snapshot.resolve("model.onnx")));
    assertFalse(Files.exists(snapshot.resolve("model.pt")), "only the weights of the engine used are fetched");
    assertFalse(Files.exists(snapshot.resolve("README.md")));
    assertTrue(hub.log.stream().noneMatch(s -> s.target().contains("model.pt")));
    assertTrue(hub.log.stream().filter(s -> s.server().equals("storage")).allMatch(s -> s.authorization() == null));
    try (HfLanguageModel local = open(ModelContext.empty(), "pretrained", SharedModels.stories("onnx").toString())) {
      assertEquals(local.fingerprint(), fingerprint, "the snapshot hashes as the same files in a local folder");
    }

    hub.stop();
    int seen = hub.log.size();
    try (HfLanguageModel m = open(context(true), "pretrained", REPO, "revision", "main")) {
      assertEquals(-0.14692, lily(m), 1e-4);
    }
    assertEquals(seen, hub.log.size(), "offline makes no request");
  }

  @Test
  void offlineAndNotCachedIsOneClearError() {
    EvalException e = assertThrows(EvalException.class, () -> open(context(true), "pretrained", REPO));
    assertEquals(ErrorCode.BACKEND_UNAVAILABLE, e.code());
    assertTrue(e.getMessage().contains(REPO) && e.getMessage().contains("'main'")
        && e.getMessage().contains(tmp.resolve("hub").toString()) && e.getMessage().contains("HF_HUB_OFFLINE"),
        e.getMessage());
    assertTrue(hub.log.isEmpty());
  }

  @Test
  void subfolderAndTokenizerMayBothBeRepoIds() {
    try (HfLanguageModel m = open(context(false), "pretrained", "org/nested", "subfolder", "onnx-export",
        "tokenizer", REPO)) {
      assertEquals(-0.14692, lily(m), 1e-4);
      assertArrayEquals(new int[] {1, 403}, m.encode("Once"));
    }
    Path tokenizer = tmp.resolve("hub/models--karpathy--stories260K/snapshots/" + MAIN);
    assertTrue(Files.isRegularFile(tokenizer.resolve("tokenizer.json")));
    assertFalse(Files.exists(tokenizer.resolve("model.onnx")), "a tokenizer repo is read for tokenizer files only");
  }

  @Test
  void aMissingRepoIsOneLineNamingItAndTheLocalPathAdvice() {
    EvalException e = assertThrows(EvalException.class, () -> open(context(false), "pretrained", "nobody/nothing"));
    assertTrue(e.getMessage().contains("'nobody/nothing'") && e.getMessage().contains("404")
        && e.getMessage().contains("local path"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }
}
