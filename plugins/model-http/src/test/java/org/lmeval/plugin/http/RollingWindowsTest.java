package org.lmeval.plugin.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** lm-eval's rolling windows (§3.4 golden case: L=10, T=0..33, prefix -100). */
class RollingWindowsTest {
  @Test
  void goldenCase() {
    int[] tokens = IntStream.range(0, 34).toArray();
    List<TokenPairs.Pair> w = RollingWindows.windows(tokens, -100, 10);
    assertEquals(4, w.size());
    assertArrayEquals(new int[] {-100}, w.get(0).context(), "made disjoint: only what precedes the span");
    assertArrayEquals(IntStream.range(0, 10).toArray(), w.get(0).continuation());
    assertArrayEquals(new int[] {9}, w.get(1).context());
    assertArrayEquals(IntStream.range(10, 20).toArray(), w.get(1).continuation());
    assertArrayEquals(new int[] {19}, w.get(2).context());
    assertArrayEquals(IntStream.range(23, 30).toArray(), w.get(3).context());
    assertArrayEquals(IntStream.range(30, 34).toArray(), w.get(3).continuation());
  }

  @Test
  void everyTokenIsPredictedOnce() {
    for (int n = 1; n < 40; n++) {
      int[] tokens = IntStream.range(0, n).toArray();
      int predicted = 0;
      for (TokenPairs.Pair p : RollingWindows.windows(tokens, -1, 7)) {
        for (int t : p.continuation()) {
          assertEquals(predicted++, t);
        }
      }
      assertEquals(n, predicted);
    }
  }
}
