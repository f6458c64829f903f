package org.lmeval.plugin.h2cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.Options;
import org.lmeval.api.cache.ResponseCache;
import org.lmeval.api.model.RequestType;
import org.lmeval.platform.cache.CacheKeys;
import org.lmeval.platform.eval.Instance;

/**
 * A real evaluation in a child JVM ({@link EvalChild}) is killed with SIGKILL at several points, mid-batch among
 * them, and run again with the same command each time: no run ever sends a request whose response was committed,
 * the last run sends exactly the rest, and its results equal an uninterrupted run's.
 */
class ResumeAfterKillTest {
  private static final int BATCH = 8;
  private static final long MILLIS_PER_REQUEST = 8;

  @TempDir Path dir;

  /** One distinct request: how often the kernel sends it in a run and under which keys it is stored. */
  record Planned(RequestType type, boolean sampled, List<String> keys) {}

  /**
   * With {@code FILE_LOCK=FS} a rerun opens the file at once after a kill (the OS drops the dead process's lock);
   * the default settings are covered by {@link #resumesWithTheDefaultSettings}.
   */
  @Test
  void killedRunsResumeWithoutSendingCommittedRequests() throws Exception {
    String location = "jdbc:h2:file:" + dir.resolve("cache") + ";AUTO_SERVER=FALSE;FILE_LOCK=FS";
    // kill points, in calls the model made in that run: at open, in the first batch, later mid-batch, and at
    // a batch boundary
    resumeAfterKills(location, new int[] {0, 3, 45, 2 * BATCH});
  }

  @Test
  @Tag("slow")
  void resumesWithTheDefaultSettings() throws Exception {
    // AUTO_SERVER with H2's lock file: a rerun waits a few seconds for the dead process's lock to go stale
    resumeAfterKills(dir.resolve("cache").toString(), new int[] {21});
  }

  private void resumeAfterKills(String location, int[] killPoints) throws Exception {
    Map<String, Planned> plan = plan();
    int distinctCalls = plan.values().stream().mapToInt(p -> p.keys().size()).sum();

    List<String> reference = complete("reference", dir.resolve("reference-cache").toString(), distinctCalls);

    Map<String, String> committed = Map.of();
    for (int run = 0; run < killPoints.length; run++) {
      Path calls = dir.resolve("calls-" + run);
      ChildJvm child = start("killed-" + run, location, calls);
      int point = killPoints[run];
      child.await("OPENED", () -> lines(child.stdout) > 0);
      child.await(point + " model calls", () -> ChildJvm.lines(calls) >= point);
      child.kill();
      Map<String, Integer> sent = counts(calls);
      Map<String, String> now = committed(location, plan);
      assertEntriesKept(committed, now);
      assertReturnedWereCommitted(plan, counts(dir.resolve("killed-" + run + ".returned")), now);
      if (point > 0) {
        assertTrue(now.size() > committed.size() || !sent.isEmpty(), "run " + run + " did some work");
      }
      assertSentAtMost(expectedCalls(plan, committed), sent, "run " + run + " (killed after " + point + " calls)");
      committed = now;
    }

    Path calls = dir.resolve("calls-final");
    ChildJvm last = start("final", location, calls);
    last.finish();
    Map<String, Integer> expected = expectedCalls(plan, committed);
    assertEquals(expected, counts(calls), "the rerun sends exactly the requests whose responses were not committed");
    Map<String, String> complete = committed(location, plan);
    assertEntriesKept(committed, complete);
    assertEquals(distinctCalls, complete.size());
    List<String> results = Files.readAllLines(dir.resolve("final.results"));
    assertSameResults(reference, results, complete);

    Path none = dir.resolve("calls-cached");
    ChildJvm cached = start("cached", location, none);
    cached.finish();
    assertEquals(Map.of(), counts(none), "a complete cache answers everything");
    assertEquals(results, Files.readAllLines(dir.resolve("cached.results")));
    assertTrue(cached.output().contains("DONE sent=0 hits=165"), cached.output());
  }

  private List<String> complete(String name, String location, int distinctCalls) throws Exception {
    Path calls = dir.resolve("calls-" + name);
    ChildJvm child = start(name, location, calls);
    child.finish();
    assertEquals(distinctCalls, ChildJvm.lines(calls), "an uncached run computes each distinct request once");
    return Files.readAllLines(dir.resolve(name + ".results"));
  }

  private ChildJvm start(String name, String location, Path calls) throws Exception {
    return ChildJvm.start(dir, name, EvalChild.class, location, calls.toString(),
        dir.resolve(name + ".results").toString(), Long.toString(MILLIS_PER_REQUEST), Integer.toString(BATCH),
        dir.resolve(name + ".returned").toString());
  }

  private static int lines(Path p) {
    return ChildJvm.lines(p);
  }

  /** Every distinct request of the evaluation, in the order the kernel sends it, with the keys it is stored under. */
  static Map<String, Planned> plan() {
    Map<String, Planned> plan = new LinkedHashMap<>();
    Map<String, Integer> occurrences = new HashMap<>();
    for (Instance i : EvalChild.instances()) {
      String id = EvalChild.requestId(i.type(), i.request());
      boolean sampled = CacheKeys.sampled(i.type(), i.request());
      Planned p = plan.computeIfAbsent(id, k -> new Planned(i.type(), sampled, new ArrayList<>()));
      for (int r = 0; r < i.repeats(); r++) {
        int occurrence = occurrences.merge(id, 1, Integer::sum) - 1;
        String key = CacheKeys.key(i.type(), i.request(), sampled ? occurrence : 0);
        if (!p.keys().contains(key)) {
          p.keys().add(key);
        }
      }
    }
    return plan;
  }

  /** What a run starting from {@code committed} must send: each request once per key not yet stored. */
  static Map<String, Integer> expectedCalls(Map<String, Planned> plan, Map<String, String> committed) {
    Map<String, Integer> expected = new HashMap<>();
    plan.forEach((id, p) -> {
      int missing = (int) p.keys().stream().filter(k -> !committed.containsKey(k)).count();
      if (missing > 0) {
        expected.put(id, missing);
      }
    });
    return expected;
  }

  /** The entries stored for the evaluation's keys (read in this JVM, after the child is gone). */
  static Map<String, String> committed(String location, Map<String, Planned> plan) {
    Map<String, String> found = new HashMap<>();
    try (ResponseCache cache = new H2ResponseCacheFactory().open(Options.of("cache option",
        Map.of("location", location)))) {
      for (RequestType type : RequestType.values()) {
        List<String> keys = new ArrayList<>();
        plan.values().stream().filter(p -> p.type() == type).forEach(p -> keys.addAll(p.keys()));
        found.putAll(cache.getAll(EvalChild.FINGERPRINT.namespace(type), keys));
      }
    }
    return found;
  }

  static Map<String, Integer> counts(Path calls) throws Exception {
    Map<String, Integer> counts = new HashMap<>();
    if (Files.exists(calls)) {
      for (String id : Files.readAllLines(calls)) {
        counts.merge(id, 1, Integer::sum);
      }
    }
    return counts;
  }

  private static void assertSentAtMost(Map<String, Integer> allowed, Map<String, Integer> sent, String run) {
    sent.forEach((id, n) -> assertTrue(n <= allowed.getOrDefault(id, 0), run + " sent request " + id + " " + n
        + " times; its responses not yet committed: " + allowed.getOrDefault(id, 0)));
  }

  /**
   * Durability: every response of a batch the caching model returned before the kill is in the file (for a
   * sampled request, as many of its repeats as were returned).
   */
  private static void assertReturnedWereCommitted(Map<String, Planned> plan, Map<String, Integer> returned,
      Map<String, String> committed) {
    returned.forEach((id, n) -> {
      Planned p = plan.get(id);
      long stored = p.keys().stream().filter(committed::containsKey).count();
      assertTrue(stored >= (p.sampled() ? Math.min(n, p.keys().size()) : 1), "request " + id + " was returned "
          + n + " times before the kill but only " + stored + " of its responses are in the cache");
    });
  }

  private static void assertEntriesKept(Map<String, String> before, Map<String, String> after) {
    before.forEach((k, v) -> assertEquals(v, after.get(k), "committed entry " + k + " changed or vanished"));
  }

  /**
   * Deterministic responses and the accuracy equal the uninterrupted run's; each sampled response is the one
   * stored under its repeat's key (so committed samples were reused, not drawn again).
   */
  private static void assertSameResults(List<String> reference, List<String> results, Map<String, String> cache) {
    assertEquals(reference.size(), results.size());
    List<Instance> instances = EvalChild.instances();
    Map<String, Integer> occurrences = new HashMap<>();
    for (int i = 0; i < instances.size(); i++) {
      Instance inst = instances.get(i);
      if (!inst.taskName().equals("sample")) {
        assertEquals(reference.get(i), results.get(i));
        continue;
      }
      String line = results.get(i);
      List<String> samples = List.of(line.substring(line.indexOf("\t[") + 2, line.length() - 1).split(", "));
      assertEquals(inst.repeats(), samples.size(), line);
      String id = EvalChild.requestId(inst.type(), inst.request());
      for (String sample : samples) {
        int occurrence = occurrences.merge(id, 1, Integer::sum) - 1;
        assertEquals(cache.get(CacheKeys.key(inst.type(), inst.request(), occurrence)), sample, line);
      }
    }
    assertEquals(reference.get(reference.size() - 1), results.get(results.size() - 1), "accuracy");
  }
}
