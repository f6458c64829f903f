package org.lmeval.plugin.h2cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.cache.ResponseCache;
import org.lmeval.platform.cache.ResponseCaches;
import org.lmeval.testkit.PluginHarness;

/** Bad input gets one clear line and no cache; a damaged file never answers wrongly. */
class H2CacheFailureTest {
  private static PluginHarness harness;
  @TempDir Path dir;

  @BeforeAll
  static void load() {
    harness = PluginHarness.load(H2CachePlugin.class);
  }

  @AfterAll
  static void unload() {
    harness.close();
  }

  private static ResponseCache open(Path location) {
    return ResponseCaches.open(harness.registry(), location.toString());
  }

  /** The failure opening {@code location}: a CACHE_FAILURE on one line naming it, whose message contains {@code says}. */
  private static EvalException refused(Path location, String names, String says) {
    EvalException e = assertThrows(EvalException.class, () -> open(location).close());
    assertEquals(ErrorCode.CACHE_FAILURE, e.code(), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    assertTrue(e.getMessage().contains(names), e.getMessage());
    assertTrue(e.getMessage().contains(says), e.getMessage());
    return e;
  }

  @Test
  void anUncreatablePathIsRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    refused(file.resolve("cache"), file.toString(), "cannot be created");
  }

  @Test
  void aFileThatIsNotAnH2DatabaseIsRefusedAndLeftAlone() throws Exception {
    Path results = Files.writeString(dir.resolve("results.mv.db"), "{\"results\": {}}\n");
    refused(results, results.toString(), "is not an H2 database");
    assertEquals("{\"results\": {}}\n", Files.readString(results), "the file is not touched");
    Path empty = Files.createFile(dir.resolve("empty.mv.db"));
    refused(empty, empty.toString(), "is empty");
    Path folder = Files.createDirectories(dir.resolve("folder.mv.db"));
    refused(folder, folder.toString(), "is a directory");
  }

  @Test
  void anH2DatabaseOfAnotherProgramIsRefused() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("other");
    try (Connection c = DriverManager.getConnection(url, H2ResponseCacheFactory.USER,
        H2ResponseCacheFactory.PASSWORD); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE CUSTOMERS (ID INT)");
    }
    refused(dir.resolve("other"), "other.mv.db", "not an lm-eval-java response cache (its tables: CUSTOMERS)");
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("foreign"), "sa", "secret")) {
      c.createStatement().execute("CREATE TABLE T (ID INT)");
    }
    refused(dir.resolve("foreign"), "foreign.mv.db", "other credentials");
  }

  @Test
  void aCacheOfAnotherSchemaVersionIsRefused() throws Exception {
    open(dir.resolve("c")).close();
    setSchemaVersion(dir.resolve("c"), "99");
    refused(dir.resolve("c"), "c.mv.db", "was written by a newer lm-eval-java (cache schema 99; this version reads "
        + "schema 1)");
    setSchemaVersion(dir.resolve("c"), "0");
    refused(dir.resolve("c"), "c.mv.db", "has cache schema 0, which this version (schema 1) cannot migrate");
    setSchemaVersion(dir.resolve("c"), "1");
    open(dir.resolve("c")).close();
  }

  @Test
  void aGarbledValueIsACacheFailureNeverAWrongResponse() throws Exception {
    Map<String, String> entries = new LinkedHashMap<>();
    for (int i = 0; i < 50; i++) {
      entries.put("key" + i, String.format("response-%04d-MARKER", i));
    }
    try (ResponseCache c = open(dir.resolve("c"))) {
      c.putAll("ns", entries);
    }
    Path file = dir.resolve("c.mv.db");
    byte[] bytes = Files.readAllBytes(file);
    int changed = replaceAll(bytes, "response-0007-MARKER", "response-0008-MARKER");
    assertTrue(changed > 0, "the value is stored as text in the file");
    Files.write(file, bytes);
    EvalException e = assertThrows(EvalException.class, () -> {
      try (ResponseCache c = open(dir.resolve("c"))) {
        Map<String, String> got = c.getAll("ns", entries.keySet());
        assertFalse("response-0008-MARKER".equals(got.get("key7")), "a damaged entry must never be returned");
      }
    });
    assertEquals(ErrorCode.CACHE_FAILURE, e.code());
    assertTrue(e.getMessage().contains("damaged") || e.getMessage().contains("checksum"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void aTruncatedFileIsRefusedOrAnswersOnlyWhatItStillHoldsIntact() throws Exception {
    Map<String, String> entries = new LinkedHashMap<>();
    for (int batch = 0; batch < 20; batch++) {
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < 20; i++) {
        m.put("k" + batch + "_" + i, "v" + batch + "_" + i + "-" + "y".repeat(200));
      }
      entries.putAll(m);
      try (ResponseCache c = open(dir.resolve("c"))) {
        c.putAll("ns", m);
      }
    }
    Path file = dir.resolve("c.mv.db");
    byte[] bytes = Files.readAllBytes(file);
    for (int cut : new int[] {bytes.length * 3 / 4, bytes.length / 2, 5000, 100}) {
      Files.write(file, Arrays.copyOf(bytes, cut));
      try (ResponseCache c = open(dir.resolve("c"))) {
        Map<String, String> got = c.getAll("ns", entries.keySet());
        got.forEach((k, v) -> assertEquals(entries.get(k), v, "cut at " + cut + ": " + k));
      } catch (EvalException e) {
        assertEquals(ErrorCode.CACHE_FAILURE, e.code(), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
      }
    }
  }

  @Test
  void aStatsCommandNeverCreatesACache() {
    EvalException e = assertThrows(EvalException.class,
        () -> ResponseCaches.open(harness.registry(), dir.resolve("nothing").toString(), false));
    assertEquals(ErrorCode.CACHE_FAILURE, e.code());
    assertTrue(e.getMessage().contains("there is no response cache at " + dir.resolve("nothing.mv.db")),
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("nothing.mv.db")));
  }

  @Test
  void inMemoryAndMalformedLocationsAreRefused() {
    for (String bad : List.of("jdbc:h2:mem:x", "a;b", "  ")) {
      EvalException e = assertThrows(EvalException.class, () -> ResponseCaches.open(harness.registry(), bad));
      assertEquals(ErrorCode.INVALID_ARGUMENT, e.code(), e.getMessage());
    }
  }

  private static void setSchemaVersion(Path base, String version) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base, H2ResponseCacheFactory.USER,
        H2ResponseCacheFactory.PASSWORD); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE LMEVAL_CACHE_META SET META_VALUE = '" + version + "' WHERE META_KEY = 'schema_version'");
    }
  }

  private static int replaceAll(byte[] bytes, String from, String to) {
    byte[] f = from.getBytes(StandardCharsets.UTF_8);
    byte[] t = to.getBytes(StandardCharsets.UTF_8);
    List<Integer> at = new ArrayList<>();
    outer:
    for (int i = 0; i + f.length <= bytes.length; i++) {
      for (int k = 0; k < f.length; k++) {
        if (bytes[i + k] != f[k]) {
          continue outer;
        }
      }
      at.add(i);
    }
    for (int i : at) {
      System.arraycopy(t, 0, bytes, i, t.length);
    }
    return at.size();
  }
}
