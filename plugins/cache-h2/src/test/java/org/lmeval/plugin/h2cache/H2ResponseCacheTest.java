package org.lmeval.plugin.h2cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.Options;
import org.lmeval.api.cache.ResponseCache;

class H2ResponseCacheTest {
  @TempDir Path dir;

  static ResponseCache open(Path base) {
    return new H2ResponseCacheFactory().open(Options.of("cache option", Map.of("location", base.toString())));
  }

  @Test
  void storesAndReadsBack() throws Exception {
    Path base = dir.resolve("sub/cache");
    try (ResponseCache c = open(base)) {
      c.putAll("ns", Map.of("k1", "v1", "k2", "v2"), Map.of("k1", "arc_easy"));
      assertEquals(Map.of("k1", "v1"), c.getAll("ns", List.of("k1", "k3")));
    }
    assertTrue(Files.exists(dir.resolve("sub/cache.mv.db")));
    System.out.println(new String(Files.readAllBytes(dir.resolve("sub/cache.mv.db")), 0, 80));
    try (ResponseCache c = open(base)) {
      assertEquals(Map.of("k1", "v1", "k2", "v2"), c.getAll("ns", List.of("k1", "k2")));
      System.out.println(c.describe() + " " + c.summary());
    }
  }
}
