package org.lmeval.plugin.h2cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.cache.CacheEntry;
import org.lmeval.api.cache.ResponseCache;
import org.lmeval.api.cache.ResponseCacheServer;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;
import org.lmeval.platform.cache.CacheCommands;
import org.lmeval.platform.cache.CachingLanguageModel;
import org.lmeval.platform.cache.ModelFingerprint;
import org.lmeval.platform.cache.ResponseCaches;
import org.lmeval.platform.eval.Instance;
import org.lmeval.platform.eval.ModelRunner;
import org.lmeval.platform.progress.Progress;
import org.lmeval.testkit.PluginHarness;

/** {@code lm-eval cache stats|ls|prune|export|import|serve} on real H2 caches filled by real runs. */
class CacheCommandsTest {
  private static PluginHarness harness;
  private static final ModelFingerprint SMALL = new ModelFingerprint("hf", Map.of("pretrained", "small-model",
      "token", "hf_secret"), "aaaa1111bbbb2222");
  private static final ModelFingerprint LARGE = new ModelFingerprint("hf", Map.of("pretrained", "large-model"), "");

  @TempDir Path dir;
  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text, true);

  @BeforeAll
  static void load() {
    harness = PluginHarness.load(H2CachePlugin.class);
  }

  @AfterAll
  static void unload() {
    harness.close();
  }

  /** A cache with the evaluation of {@link EvalChild} run by two models (all of it, and its mc task). */
  private String filled() {
    String location = dir.resolve("cache").toString();
    List<Instance> all = EvalChild.instances();
    try (ResponseCache cache = ResponseCaches.open(harness.registry(), location)) {
      new ModelRunner(CachingLanguageModel.of(new Instant0Model(), cache, SMALL, all), 16, Progress.none()).run(all);
      List<Instance> mc = all.stream().filter(i -> i.taskName().equals("mc")).toList();
      new ModelRunner(CachingLanguageModel.of(new Instant0Model(), cache, LARGE, mc), 16, Progress.none()).run(mc);
    }
    return location;
  }

  private CacheCommands commands() {
    return new CacheCommands(harness.registry());
  }

  @Test
  void statsShowsSizeAndEntriesPerModel() {
    String location = filled();
    commands().stats(out, location);
    String s = text.toString();
    assertTrue(s.startsWith("cache    H2 file " + dir.resolve("cache.mv.db") + " ("), s);
    assertTrue(s.contains("cache schema 1"), s);
    // small: 116 mc + 15 rolling + 15 greedy + 15 sampled; large: 116 mc
    assertTrue(s.contains("entries  277 in 2 models, 4 tasks;"), s);
    assertTrue(s.contains("hf pretrained=large-model "), s);
    assertTrue(s.lines().anyMatch(l -> l.matches("hf pretrained=small-model #aaaa1111bbbb\\s+161\\s+4\\s+.*")), s);
    assertFalse(s.contains("hf_secret"), "secrets never reach the cache");
  }

  @Test
  void lsListsModelRequestTypeAndTaskAndFilters() {
    String location = filled();
    commands().ls(out, location, "small", null);
    List<String> lines = text.toString().lines().toList();
    assertTrue(lines.get(0).matches("model\\s+request_type\\s+task\\s+entries\\s+characters\\s+newest"), lines.get(0));
    assertEquals(5, lines.size(), text.toString());
    assertTrue(lines.stream().anyMatch(l -> l.matches(".*small-model.*generate_until\\s+sample\\s+15\\s.*")), text.toString());
    text.getBuffer().setLength(0);
    commands().ls(out, location, null, "mc");
    assertEquals(3, text.toString().lines().count(), text.toString());
    text.getBuffer().setLength(0);
    commands().ls(out, location, "nothing-like-this", null);
    assertEquals("no entries match\n", text.toString());
  }

  @Test
  void pruneRemovesByModelOrAgeAndNeverByAccident() throws Exception {
    String location = filled();
    EvalException bare = assertThrows(EvalException.class, () -> commands().run(out, List.of("prune", location)));
    assertEquals(ErrorCode.INVALID_ARGUMENT, bare.code());
    assertTrue(bare.getMessage().contains("prune needs --model TEXT, --older-than AGE or --all"), bare.getMessage());
    assertEquals(116, commands().prune(out, location, "large-model", null, false, true));
    assertTrue(text.toString().contains("would remove 116 entries of model hf pretrained=large-model (dry run"),
        text.toString());
    assertEquals(116, commands().prune(out, location, "LARGE", null, false, false));
    assertTrue(text.toString().contains("removed 116 entries of model hf pretrained=large-model"), text.toString());
    CacheCommands tomorrow = new CacheCommands(harness.registry(),
        Clock.fixed(Instant.now().plus(Duration.ofDays(1)), ZoneOffset.UTC));
    assertEquals(0, tomorrow.prune(out, location, null, Duration.ofDays(2), false, false), "nothing is 2 days old");
    assertEquals(161, tomorrow.prune(out, location, null, CacheCommands.parseAge("12h"), false, false));
    text.getBuffer().setLength(0);
    commands().stats(out, location);
    assertTrue(text.toString().contains("entries  0 in 0 models"), text.toString());
  }

  @Test
  void exportThenImportCarriesEveryEntry() throws Exception {
    String location = filled();
    Path file = dir.resolve("export.jsonl");
    assertEquals(277, commands().export(out, location, file.toString()));
    List<String> lines = Files.readAllLines(file);
    assertEquals("{\"format\":\"lm-eval-java response cache export\",\"version\":1}", lines.get(0));
    assertEquals("{\"end\":277}", lines.get(lines.size() - 1));
    String other = dir.resolve("other").toString();
    assertEquals(277, commands().importFile(out, other, file));
    assertEquals(0, commands().importFile(out, other, file), "a second import adds nothing");
    assertTrue(text.toString().contains("imported 0 of 277 entries from " + file + " (277 already present)"),
        text.toString());
    assertEquals(entries(location), entries(other));

    StringWriter stdout = new StringWriter();
    commands().run(new PrintWriter(stdout, true), List.of("export", location, "-"));
    assertEquals(Files.readString(file), stdout.toString());
  }

  @Test
  void badImportFilesAreRefusedWithTheirLine() throws Exception {
    String location = filled();
    Path file = dir.resolve("export.jsonl");
    commands().export(out, location, file.toString());
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    String target = dir.resolve("target").toString();

    Files.writeString(dir.resolve("not.jsonl"), "{\"results\":{}}\n");
    EvalException header = assertThrows(EvalException.class,
        () -> commands().importFile(out, target, dir.resolve("not.jsonl")));
    assertTrue(header.getMessage().contains("is not a response cache export"), header.getMessage());

    List<String> badValue = new ArrayList<>(lines);
    String ll = badValue.stream().filter(l -> l.contains("loglikelihood\\\"")).findFirst().orElseThrow();
    int at = badValue.indexOf(ll);
    badValue.set(at, ll.replaceFirst("\"value\":\"\\[[^\"]*\\]\"", "\"value\":\"oops\""));
    Files.write(dir.resolve("bad.jsonl"), badValue);
    EvalException value = assertThrows(EvalException.class,
        () -> commands().importFile(out, target, dir.resolve("bad.jsonl")));
    assertTrue(value.getMessage().contains("line " + (at + 1) + ": the value is not a loglikelihood response"),
        value.getMessage());

    Files.write(dir.resolve("cut.jsonl"), lines.subList(0, 10));
    EvalException cut = assertThrows(EvalException.class,
        () -> commands().importFile(out, target, dir.resolve("cut.jsonl")));
    assertTrue(cut.getMessage().contains("is incomplete (no end line); the 9 entries read were imported"),
        cut.getMessage());
  }

  @Test
  void serveLetsClientsUseACacheByUrl() throws Exception {
    try (ResponseCacheServer server = commands().startServer(out, 0, dir.resolve("served"), false)) {
      assertTrue(text.toString().contains("use: --use_cache jdbc:h2:tcp://localhost:"), text.toString());
      String url = server.location().replace("<name>", "shared");
      try (ResponseCache c = ResponseCaches.open(harness.registry(), url)) {
        c.putAll("ns", Map.of("k", "v"));
      }
      text.getBuffer().setLength(0);
      commands().stats(out, url);
      assertTrue(text.toString().startsWith("cache    H2 server " + url + ", cache schema 1"), text.toString());
    }
    assertTrue(Files.isRegularFile(dir.resolve("served/shared.mv.db")));
  }

  @Test
  void commandLineMistakesAreClear() {
    EvalException unknown = assertThrows(EvalException.class, () -> commands().run(out, List.of("stat", "x")));
    assertTrue(unknown.getMessage().contains("unknown command 'stat'"), unknown.getMessage());
    assertTrue(unknown.getMessage().contains("stats"), unknown.getMessage());
    EvalException missing = assertThrows(EvalException.class, () -> commands().run(out, List.of("ls")));
    assertTrue(missing.getMessage().contains("LOCATION is required"), missing.getMessage());
    EvalException option = assertThrows(EvalException.class,
        () -> commands().run(out, List.of("ls", "x", "--modle", "m")));
    assertTrue(option.getMessage().contains("unknown option '--modle'"), option.getMessage());
    EvalException age = assertThrows(EvalException.class, () -> CacheCommands.parseAge("yesterday"));
    assertTrue(age.getMessage().contains("--older-than must look like 30d"), age.getMessage());
    assertEquals(Duration.ofDays(14), CacheCommands.parseAge("2w"));
    assertEquals(Duration.ofHours(36), CacheCommands.parseAge("P1DT12H"));
    EvalException none = assertThrows(EvalException.class,
        () -> commands().stats(out, dir.resolve("absent").toString()));
    assertEquals(ErrorCode.CACHE_FAILURE, none.code());
    assertFalse(Files.exists(dir.resolve("absent.mv.db")), "stats never creates a cache");
  }

  private List<CacheEntry> entries(String location) {
    List<CacheEntry> all = new ArrayList<>();
    try (ResponseCache c = ResponseCaches.open(harness.registry(), location, false)) {
      c.forEachEntry(all::add);
    }
    return all;
  }

  /** An instant deterministic model. */
  static final class Instant0Model implements LanguageModel {
    @Override
    public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
      return batch.stream().map(r -> new LoglikelihoodResult(-r.continuation().length(), true)).toList();
    }

    @Override
    public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
      return batch.stream().map(r -> new RollingResult(-r.text().length())).toList();
    }

    @Override
    public List<String> generateUntil(List<GenerationRequest> batch) {
      return batch.stream().map(r -> "out " + r.context()).toList();
    }
  }
}
