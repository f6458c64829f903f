package org.lmeval.plugin.h2cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.Options;
import org.lmeval.api.cache.ResponseCache;
import org.lmeval.api.cache.ResponseCacheServer;

/** Two processes writing one cache at the same time lose nothing: through AUTO_SERVER, and through a server. */
class ConcurrentWritersTest {
  private static final int COUNT = 400;
  @TempDir Path dir;

  @Test
  void twoProcessesShareOneFileThroughAutoServer() throws Exception {
    String location = dir.resolve("shared").toString();
    writeConcurrently(location);
    assertAllThere(location);
  }

  /** Slow: two more JVMs; a server is also exercised by {@code CacheCommandsTest.serveLetsClientsUseACacheByUrl}. */
  @Test
  @Tag("slow")
  void twoProcessesShareACacheThroughAServer() throws Exception {
    try (ResponseCacheServer server = new H2ResponseCacheFactory().serve(Options.of("serve option",
        Map.of("port", 0, "base_dir", dir.resolve("served").toString())))) {
      String location = server.location().replace("<name>", "team-cache");
      assertTrue(location.startsWith("jdbc:h2:tcp://localhost:"), location);
      writeConcurrently(location);
      assertAllThere(location);
    }
    assertTrue(dir.resolve("served/team-cache.mv.db").toFile().isFile(), "the server keeps the file in its folder");
  }

  /**
   * Writer a opens first (with AUTO_SERVER it serves the file) and stops while b is still writing, so b loses its
   * connection mid-run and must reconnect; the two write at the same time in between.
   */
  private void writeConcurrently(String location) throws Exception {
    Path go = dir.resolve("go-" + System.nanoTime());
    ChildJvm a = ChildJvm.start(dir, "writer-a", WriterChild.class, location, "a", Integer.toString(COUNT), "10",
        go.toString());
    a.await("writer a opened the cache", () -> output(a).contains("OPENED"));
    ChildJvm b = ChildJvm.start(dir, "writer-b", WriterChild.class, location, "b", Integer.toString(COUNT), "30");
    b.await("writer b started writing", () -> output(b).contains("WRITING"));
    Files.createFile(go); // a writes only now, however long b's JVM took to start
    a.finish();
    b.finish();
    long aStart = time(a, "WRITING");
    long aEnd = time(a, "OK");
    long bStart = time(b, "WRITING");
    long bEnd = time(b, "OK");
    assertTrue(bStart < aEnd && aEnd < bEnd, "the writers must overlap, a first: a " + aStart + ".." + aEnd + ", b "
        + bStart + ".." + bEnd);
  }

  private static String output(ChildJvm child) {
    try {
      return child.output();
    } catch (java.io.IOException e) {
      return "";
    }
  }

  private static long time(ChildJvm child, String marker) throws Exception {
    for (String line : child.output().split("\n")) {
      if (line.startsWith(marker + " ")) {
        return Long.parseLong(line.substring(marker.length() + 1).trim());
      }
    }
    throw new AssertionError("no " + marker + " in " + child.output());
  }

  private static void assertAllThere(String location) {
    try (ResponseCache cache = new H2ResponseCacheFactory().open(Options.of("cache option",
        Map.of("location", location, "create", false)))) {
      Map<String, String> expected = new LinkedHashMap<>();
      for (String name : List.of("a", "b", "shared")) {
        for (int i = 0; i < COUNT; i++) {
          expected.put(name + "-" + i, WriterChild.value(name + "-" + i));
        }
      }
      assertEquals(expected, cache.getAll("ns", new ArrayList<>(expected.keySet())));
      assertEquals(3L * COUNT, cache.summary().stream().mapToLong(s -> s.entries()).sum());
    }
  }
}
