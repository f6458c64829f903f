package org.lmeval.platform.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.lmeval.api.support.PythonRandom;
import org.lmeval.platform.python.PythonMath;

/** lm-eval's stderr arithmetic: the spec's §10.3 vectors and vectors produced by lm-eval 0.4.13 itself. */
class BootstrapTest {
  private static final double[] TEN = {1, 0, 1, 1, 0, 0, 1, 0, 1, 1};
  private static final double[] LLS = {-2.0, -1.5, -3.25, -0.5, -4.0};

  @Test
  void specVectors() {
    assertEquals(0.16329931618554522, PythonMath.meanStderr(TEN));
    assertEquals(0.364923511395426, bootstrap(TEN, 1000, BootstrapTest::median));
    assertEquals(0.1536300462004352, bootstrap(TEN, 2000, PythonMath::mean));
    assertEquals(9.487735836358526, perplexity(LLS));
    assertEquals(7.18828556414108, bootstrap(LLS, 1000, BootstrapTest::perplexity));
    assertEquals(0.0447213595499958, Stderr.pooled(new double[] {0.1, 0.05}, new long[] {10, 40}));
    assertEquals(0.3375, Stderr.weightedMean(new double[] {0.3, 0.2, 0.4}, new long[] {20, 40, 100}, true));
    assertEquals(0.3, Stderr.weightedMean(new double[] {0.3, 0.2, 0.4}, new long[] {20, 40, 100}, false));
  }

  @Test
  @SuppressWarnings("unchecked")
  void lmEvalVectors() {
    Map<String, Object> fx = Fixtures.load("stderr.json");
    int checked = 0;
    for (Object o : (List<Object>) fx.get("cases")) {
      Map<String, Object> c = (Map<String, Object>) o;
      double[] items = ((List<Number>) c.get("items")).stream().mapToDouble(Number::doubleValue).toArray();
      double expected = ((Number) c.get("expected")).doubleValue();
      double actual = switch ((String) c.get("kind")) {
        case "mean_stderr" -> PythonMath.meanStderr(items);
        case "aggregate" -> perplexity(items);
        default -> bootstrap(items, (Integer) c.get("iters"), switch ((String) c.get("aggregation")) {
          case "mean" -> PythonMath::mean;
          case "median" -> BootstrapTest::median;
          default -> BootstrapTest::perplexity;
        });
      };
      assertEquals(expected, actual, c.toString());
      checked++;
    }
    for (Object o : (List<Object>) fx.get("groups")) {
      Map<String, Object> g = (Map<String, Object>) o;
      double[] s = ((List<Number>) g.get("stderrs")).stream().mapToDouble(Number::doubleValue).toArray();
      long[] n = ((List<Number>) g.get("sizes")).stream().mapToLong(Number::longValue).toArray();
      assertEquals(((Number) g.get("pooled")).doubleValue(), Stderr.pooled(s, n));
      assertEquals(((Number) g.get("unweighted")).doubleValue(), Stderr.unweightedMean(s));
      checked++;
    }
    for (Object o : (List<Object>) fx.get("means")) {
      Map<String, Object> m = (Map<String, Object>) o;
      double[] v = ((List<Number>) m.get("values")).stream().mapToDouble(Number::doubleValue).toArray();
      long[] n = ((List<Number>) m.get("sizes")).stream().mapToLong(Number::longValue).toArray();
      assertEquals(((Number) m.get("weighted")).doubleValue(), Stderr.weightedMean(v, n, true));
      assertEquals(((Number) m.get("unweighted")).doubleValue(), Stderr.weightedMean(v, n, false));
      checked++;
    }
    assertEquals(17, checked);
  }

  @Test
  void resamplingIsPythonRandomChoices() {
    List<Integer> population = new ArrayList<>();
    for (int i = 0; i < 37; i++) {
      population.add(i);
    }
    List<List<Integer>> viaChoices = new ArrayList<>();
    PythonRandom rng = new PythonRandom(0);
    for (int j = 0; j < 5; j++) {
      viaChoices.add(rng.choices(population, population.size()));
    }
    List<List<Integer>> viaBootstrap = new ArrayList<>();
    Bootstrap.stderr(population.size(), 5, idx -> {
      viaBootstrap.add(Arrays.stream(idx).boxed().toList());
      return 0;
    });
    assertEquals(viaChoices, viaBootstrap);
    // spec: Random(0).choices(range(10), k=10)
    List<Integer> firstDraw = new ArrayList<>();
    Bootstrap.stderr(10, 1, idx -> {
      Arrays.stream(idx).forEach(firstDraw::add);
      return 0;
    });
    assertEquals(List.of(8, 7, 4, 2, 5, 4, 7, 3, 4, 5), firstDraw);
  }

  @Test
  void parallelChunksGiveTheSameBits() {
    double[] items = new double[97];
    for (int i = 0; i < items.length; i++) {
      items[i] = Math.sin(i) * 3;
    }
    double serial = bootstrap(items, 5500, BootstrapTest::median);
    double parallel = Bootstrap.stderrParallel(items.length, 5500, () -> {
      double[] buffer = new double[items.length];
      return idx -> {
        for (int k = 0; k < idx.length; k++) {
          buffer[k] = items[idx[k]];
        }
        return median(buffer);
      };
    });
    assertEquals(serial, parallel);
  }

  @Test
  void remainderChunkIsDropped() {
    int[] calls = {0};
    Bootstrap.stderr(3, 2500, idx -> calls[0]++);
    assertEquals(2000, calls[0]);
    calls[0] = 0;
    Bootstrap.stderr(3, 999, idx -> calls[0]++);
    assertEquals(999, calls[0]);
  }

  @Test
  void degenerateInputs() {
    assertThrows(IllegalArgumentException.class, () -> Bootstrap.stderr(3, 0, idx -> 0));
    assertTrue(Double.isNaN(Bootstrap.stderr(3, 1, idx -> 0)), "one replicate has no sample stddev");
    assertTrue(Double.isNaN(Stderr.pooled(new double[] {0.1, 0.2}, new long[] {1, 1})));
  }

  private static double bootstrap(double[] items, int iters, ToDoubleFunction<double[]> statistic) {
    double[] buffer = new double[items.length];
    return Bootstrap.stderr(items.length, iters, idx -> {
      for (int k = 0; k < idx.length; k++) {
        buffer[k] = items[idx[k]];
      }
      return statistic.applyAsDouble(buffer);
    });
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static double perplexity(double[] lls) {
    return Math.exp(-PythonMath.mean(lls));
  }
}
