package org.lmeval.platform.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** §4.6: leaf tasks recursively, size weighting, pooled stderr, filter discovery, propagation. */
class GroupAggregatorTest {

  private static Map<String, Object> task(long n, Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sample_len", n);
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static GroupSpec.AggregateMetric acc(boolean weighted) {
    return new GroupSpec.AggregateMetric("acc", null, "mean", weighted);
  }

  @Test
  void sizeWeightedMeanOverAllLeavesAndPooledStderr() {
    Map<String, Map<String, Object>> tasks = new LinkedHashMap<>();
    tasks.put("a", task(20, "acc,none", 0.3, "acc_stderr,none", 0.2));
    tasks.put("b", task(40, "acc,none", 0.2, "acc_stderr,none", 0.1));
    tasks.put("c", task(100, "acc,none", 0.4, "acc_stderr,none", 0.3));
    GroupSpec inner = new GroupSpec("inner", null, List.of("b", "c"), List.of(acc(true)), null);
    GroupSpec outer = new GroupSpec("outer", "Outer", List.of("a", "inner"), List.of(acc(true)), "2");
    GroupSpec flat = new GroupSpec("flat", null, List.of("a", "b", "c"), List.of(acc(false)), null);
    GroupAggregator agg = new GroupAggregator(List.of(outer, inner, flat));
    Map<String, Map<String, Object>> out = agg.aggregate(tasks);
    assertEquals(List.of("inner", "outer", "flat"), List.copyOf(out.keySet()), "bottom-up");
    Map<String, Object> o = out.get("outer");
    assertEquals(List.of("alias", "name", "sample_len", "acc,none", "acc_stderr,none", "sample_count"),
        List.copyOf(o.keySet()));
    assertEquals("Outer", o.get("alias"));
    assertEquals(160L, o.get("sample_len"));
    assertEquals(0.3375, o.get("acc,none"), "over the leaves a, b, c, not over inner's score");
    assertEquals(Stderr.pooled(new double[] {0.2, 0.1, 0.3}, new long[] {20, 40, 100}), o.get("acc_stderr,none"));
    assertEquals(Map.of("acc,none", 160L), o.get("sample_count"));
    assertEquals(0.3, (double) out.get("flat").get("acc,none"), 1e-15);
    assertEquals(Stderr.unweightedMean(new double[] {0.2, 0.1, 0.3}), out.get("flat").get("acc_stderr,none"));
    assertEquals("2", GroupAggregator.version(outer));
    assertEquals("N/A", GroupAggregator.version(inner));
  }

  @Test
  void stderrIsNotAvailableWhenAnyLeafLacksOne() {
    Map<String, Map<String, Object>> tasks = new LinkedHashMap<>();
    tasks.put("a", task(10, "acc,none", 0.5, "acc_stderr,none", "N/A"));
    tasks.put("b", task(10, "acc,none", 0.7, "acc_stderr,none", 0.1));
    tasks.put("c", task(10, "acc,none", 0.1));
    GroupAggregator agg = new GroupAggregator(List.of(
        new GroupSpec("g1", null, List.of("a", "b"), List.of(acc(true)), null),
        new GroupSpec("g2", null, List.of("b", "c"), List.of(acc(true)), null)));
    Map<String, Map<String, Object>> out = agg.aggregate(tasks);
    assertEquals("N/A", out.get("g1").get("acc_stderr,none"));
    assertEquals("N/A", out.get("g2").get("acc_stderr,none"));
  }

  @Test
  void filtersAreDiscoveredSortedAndMissingLeavesSkipped() {
    Map<String, Map<String, Object>> tasks = new LinkedHashMap<>();
    tasks.put("gsm", task(4, "exact_match,strict-match", 0.25, "exact_match_stderr,strict-match", 0.25,
        "exact_match,flexible-extract", 0.5, "exact_match_stderr,flexible-extract", 0.2));
    tasks.put("mc", task(6, "acc,none", 0.5, "acc_stderr,none", 0.2));
    GroupSpec g = new GroupSpec("g", null, List.of("gsm", "mc", "not_run"),
        List.of(new GroupSpec.AggregateMetric("exact_match", null, "mean", true), acc(true),
            new GroupSpec.AggregateMetric("f1", List.of("none"), "mean", true)), null);
    Map<String, Object> e = new GroupAggregator(List.of(g)).aggregate(tasks).get("g");
    assertEquals(List.of("alias", "name", "sample_len", "exact_match,flexible-extract",
        "exact_match_stderr,flexible-extract", "exact_match,strict-match", "exact_match_stderr,strict-match",
        "acc,none", "acc_stderr,none", "sample_count"), List.copyOf(e.keySet()));
    assertEquals(10L, e.get("sample_len"));
    assertEquals(0.5, e.get("acc,none"));
    assertFalse(e.containsKey("f1,none"), "no leaf has it");
  }

  @Test
  void groupWithoutAggregateMetricsHasOnlyAliasAndName() {
    GroupSpec g = new GroupSpec("tag_like", "", List.of("a"), List.of(), null);
    Map<String, Object> e = new GroupAggregator(List.of(g)).aggregate(Map.of("a", task(3, "acc,none", 1.0)))
        .get("tag_like");
    assertEquals(Map.of("alias", "tag_like", "name", "tag_like"), e);
  }

  @Test
  void propagatesNshotAndHigherIsBetterInGivenOrder() {
    GroupSpec outer = new GroupSpec("outer", null, List.of("inner", "t3"), List.of(), null);
    GroupSpec inner = new GroupSpec("inner", null, List.of("t1", "t2"), List.of(), null);
    GroupAggregator agg = new GroupAggregator(List.of(outer, inner));
    Map<String, Integer> nShot = new HashMap<>(Map.of("t1", 5, "t2", 5, "t3", 5));
    agg.propagateNumFewshot(nShot);
    assertEquals(5, nShot.get("inner"));
    assertEquals(5, nShot.get("outer"), "outer only sees t3 (inner is not set yet): one value");
    Map<String, Integer> mixed = new HashMap<>(Map.of("t1", 0, "t2", 5, "t3", 5));
    agg.propagateNumFewshot(mixed);
    assertNull(mixed.get("inner"));

    Map<String, Map<String, Boolean>> hib = new LinkedHashMap<>();
    hib.put("t1", Map.of("acc", true, "ter", true));
    hib.put("t2", Map.of("acc", true, "ter", false));
    hib.put("t3", Map.of("acc", true));
    agg.propagateHigherIsBetter(hib);
    assertEquals(Map.of("acc", true), hib.get("outer"), "outer ran first, before inner had a value");
    assertEquals(true, hib.get("inner").get("acc"));
    assertNull(hib.get("inner").get("ter"));
    assertEquals(List.of("t1", "t2", "t3"), agg.leafTasks("outer"));
  }
}
