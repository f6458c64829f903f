package org.lmeval.plugin.h2cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.cache.CacheEntry;
import org.lmeval.api.cache.CacheSummary;
import org.lmeval.api.cache.ResponseCache;
import org.lmeval.api.cache.ResponseCacheFactory;
import org.lmeval.testkit.PluginHarness;

class H2ResponseCacheTest {
  private static PluginHarness harness;
  @TempDir Path dir;

  @BeforeAll
  static void load() {
    harness = PluginHarness.load(H2CachePlugin.class).assertComponents("response cache h2");
  }

  @AfterAll
  static void unload() {
    harness.close();
  }

  /** The factory as the kernel hands it out: behind the boundary, checking unread options. */
  static ResponseCacheFactory factory() {
    return harness.registry().responseCaches().get("h2");
  }

  ResponseCache open(String location) {
    return factory().open(Options.of("cache option", Map.of("location", location)));
  }

  @Test
  void entriesSurviveReopeningAndLiveInPathDotMvDotDb() {
    String location = dir.resolve("runs/llama").toString();
    try (ResponseCache c = open(location)) {
      c.putAll("ns", Map.of("k1", "v1", "k2", "v2"), Map.of("k1", "arc_easy"));
      assertEquals(Map.of("k1", "v1"), c.getAll("ns", List.of("k1", "k3")));
      assertEquals(Map.of(), c.getAll("other", List.of("k1")));
    }
    assertTrue(Files.isRegularFile(dir.resolve("runs/llama.mv.db")));
    try (ResponseCache c = open(dir.resolve("runs/llama.mv.db").toString())) {
      assertEquals(Map.of("k1", "v1", "k2", "v2"), c.getAll("ns", List.of("k1", "k2")));
      assertTrue(c.describe().startsWith("H2 file " + dir.resolve("runs/llama.mv.db") + " ("), c.describe());
    }
    try (ResponseCache c = open("jdbc:h2:file:" + dir.resolve("runs/llama") + ";AUTO_SERVER=FALSE")) {
      assertEquals(2, c.getAll("ns", List.of("k1", "k2")).size());
    }
  }

  @Test
  void theFirstWriterWinsAndManyKeysAreLookedUpAtOnce() {
    try (ResponseCache c = open(dir.resolve("c").toString())) {
      c.putAll("ns", Map.of("k", "first"));
      c.putAll("ns", Map.of("k", "second", "j", "new"));
      assertEquals(Map.of("k", "first", "j", "new"), c.getAll("ns", List.of("k", "j")));
      Map<String, String> many = new LinkedHashMap<>();
      for (int i = 0; i < 1000; i++) {
        many.put("key" + i, "value " + i);
      }
      c.putAll("ns", many);
      List<String> keys = new ArrayList<>(many.keySet());
      keys.add("absent");
      assertEquals(many, c.getAll("ns", keys));
    }
  }

  @Test
  void valuesOfAnySizeAndContentReadBackExactly() {
    String huge = "x".repeat(1_200_000) + "ü";
    String odd = "tabs\tnewlines\n\r quotes \" ' backslash \\ nul \u0000 emoji 😀 lone \ud800";
    try (ResponseCache c = open(dir.resolve("c").toString())) {
      c.putAll("ns", Map.of("huge", huge, "odd", odd, "empty", ""));
    }
    try (ResponseCache c = open(dir.resolve("c").toString())) {
      assertEquals(Map.of("huge", huge, "odd", odd, "empty", ""), c.getAll("ns", List.of("huge", "odd", "empty")));
    }
  }

  @Test
  void summaryPruneExportAndImport() {
    try (ResponseCache c = open(dir.resolve("c").toString())) {
      c.putAll("model-a", Map.of("1", "a1", "2", "a2"), Map.of("1", "arc", "2", "hellaswag"));
      c.putAll("model-b", Map.of("1", "b1"), Map.of());
      Map<String, Long> counts = new HashMap<>();
      for (CacheSummary s : c.summary()) {
        counts.merge(s.namespace() + "/" + s.label(), s.entries(), Long::sum);
        assertTrue(s.oldestMillis() <= s.newestMillis());
      }
      assertEquals(Map.of("model-a/arc", 1L, "model-a/hellaswag", 1L, "model-b/null", 1L), counts);

      List<CacheEntry> exported = new ArrayList<>();
      c.forEachEntry(exported::add);
      assertEquals(3, exported.size());
      assertEquals(0, c.prune(Set.of("model-a"), 0L), "nothing is older than the epoch");
      assertEquals(0, c.prune(Set.of(), Long.MAX_VALUE), "an empty selection removes nothing");
      assertEquals(2, c.prune(Set.of("model-a", "absent"), Long.MAX_VALUE));
      assertEquals(Map.of(), c.getAll("model-a", List.of("1", "2")));
      assertEquals(Map.of("1", "b1"), c.getAll("model-b", List.of("1")));

      try (ResponseCache other = open(dir.resolve("d").toString())) {
        other.putAll("model-a", Map.of("1", "kept"));
        assertEquals(2, other.importEntries(exported), "entries already present are kept");
        assertEquals(Map.of("1", "kept", "2", "a2"), other.getAll("model-a", List.of("1", "2")));
        List<CacheEntry> back = new ArrayList<>();
        other.forEachEntry(back::add);
        CacheEntry a2 = back.stream().filter(e -> e.value().equals("a2")).findFirst().orElseThrow();
        CacheEntry original = exported.stream().filter(e -> e.value().equals("a2")).findFirst().orElseThrow();
        assertEquals(original, a2, "label and time are imported as exported");
      }
    }
  }

  @Test
  void unknownOptionsAndOverlongKeysAreRefused() {
    EvalException unknown = assertThrows(EvalException.class, () -> factory().open(Options.of("cache option",
        Map.of("location", dir.resolve("c").toString(), "auto_sever", false))));
    assertTrue(unknown.getMessage().contains("auto_sever"), unknown.getMessage());
    try (ResponseCache c = open(dir.resolve("c").toString())) {
      EvalException e = assertThrows(EvalException.class, () -> c.putAll("ns", Map.of("k".repeat(300), "v")));
      assertEquals(ErrorCode.CACHE_FAILURE, e.code());
    }
  }

  @Test
  void aClosedCacheSaysSo() {
    ResponseCache c = open(dir.resolve("c").toString());
    c.close();
    c.close();
    EvalException e = assertThrows(EvalException.class, () -> c.getAll("ns", List.of("k")));
    assertTrue(e.getMessage().contains("is closed"), e.getMessage());
  }
}
