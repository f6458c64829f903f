package org.lmeval.plugin.http.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.HubSnapshots;
import org.lmeval.platform.hub.HubModelSnapshots;
import org.lmeval.platform.hub.HubSettings;
import org.lmeval.testkit.hub.FakeHub;

/**
 * A local tokenizer.json, or a Hub repo's through the kernel's hub cache, through DJL (the stories260K reference
 * tokenisation of shared/models/README.md).
 */
class HuggingFaceTokenizerTest {
  private static Path folder() {
    String p = System.getProperty("lmeval.shared.dir");
    Path shared = p != null && Files.isDirectory(Path.of(p)) ? Path.of(p) : Path.of("/work/shared");
    return shared.resolve("models/stories260K/hf");
  }

  @Test
  void encodesAsTransformersDoes() {
    try (HuggingFaceTokenizer t = HuggingFaceTokenizer.load(folder().toString(), "tokenizer")) {
      int[] ids = t.encode(List.of("Once upon a time, there was a little girl named Lily."), true).get(0);
      assertArrayEquals(new int[] {1, 403, 407, 261, 378, 432, 383, 286, 261, 376, 298, 315, 421, 395, 317, 426},
          ids);
      assertEquals(1, t.bosTokenId().getAsInt());
      assertEquals(2, t.eosTokenId().getAsInt());
      assertEquals("</s>", t.eosToken().orElseThrow());
      int[] plain = t.encode(List.of("Once upon a time"), false).get(0);
      assertTrue(plain[0] != 1, "no BOS without special tokens");
      assertEquals("Once upon a time", t.decode(List.of(plain)).get(0).strip());
    }
  }

  @Test
  void aHubRepoIdIsFetchedThroughTheKernelsHubCache(@TempDir Path cache) throws Exception {
    String commit = FakeHub.sha1("hf");
    try (FakeHub hub = new FakeHub()) {
      hub.publishModel("karpathy/stories260K", folder(), "main", commit);
      HubSnapshots snapshots = new HubModelSnapshots(HubSettings.of(Map.of("endpoint", hub.endpoint(),
          "cache_dir", cache.toString())));
      try (HuggingFaceTokenizer t = HuggingFaceTokenizer.load("karpathy/stories260K", "tokenizer", null, snapshots)) {
        assertArrayEquals(new int[] {1, 403}, t.encode(List.of("Once"), true).get(0));
        assertEquals("</s>", t.eosToken().orElseThrow(), "tokenizer_config.json came along");
      }
      Path snapshot = cache.resolve("models--karpathy--stories260K/snapshots/" + commit);
      assertTrue(Files.isRegularFile(snapshot.resolve("tokenizer.json")));
      assertFalse(Files.exists(snapshot.resolve("model.safetensors")), "only tokenizer files are fetched");
      EvalException e = assertThrows(EvalException.class,
          () -> HuggingFaceTokenizer.load("nobody/nothing", "tokenizer", null, snapshots));
      assertTrue(e.getMessage().contains("nobody/nothing"), e.getMessage());
    }
    EvalException noHub = assertThrows(EvalException.class,
        () -> HuggingFaceTokenizer.load("karpathy/stories260K", "tokenizer"));
    assertTrue(noHub.getMessage().contains("karpathy/stories260K"), noHub.getMessage());
  }

  @Test
  void aMissingTokenizerIsAClearError() {
    EvalException e = assertThrows(EvalException.class,
        () -> HuggingFaceTokenizer.load("/nonexistent/folder-x/", "tokenizer"));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertTrue(e.getMessage().contains("model arg 'tokenizer'"), e.getMessage());
  }
}
