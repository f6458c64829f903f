package org.lmeval.plugin.djl.hf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Windows as lm-eval 0.4.13's get_rolling_token_windows + make_disjoint_window give them (prefix -100). */
class RollingWindowsTest {
  private static int[] range(int from, int to) {
    return IntStream.range(from, to).toArray();
  }

  private static void assertWindows(List<TokenPair> actual, int[]... contextThenPrediction) {
    assertEquals(contextThenPrediction.length / 2, actual.size());
    for (int i = 0; i < actual.size(); i++) {
      assertArrayEquals(contextThenPrediction[2 * i], actual.get(i).context(), "context of window " + i);
      assertArrayEquals(contextThenPrediction[2 * i + 1], actual.get(i).continuation(), "prediction of window " + i);
    }
  }

  @Test
  void thirtyFourTokensInWindowsOfTen() {
    assertWindows(RollingWindows.windows(range(0, 34), -100, 10, 1),
        new int[] {-100}, range(0, 10),
        new int[] {9}, range(10, 20),
        new int[] {19}, range(20, 30),
        range(23, 30), range(30, 34));
  }

  @Test
  void contextLengthTwo() {
    assertWindows(RollingWindows.windows(range(0, 7), -100, 3, 2),
        new int[] {-100}, range(0, 3),
        new int[] {1, 2}, range(3, 5),
        new int[] {3, 4}, range(5, 7));
  }

  @Test
  void shortAndBoundaryLengths() {
    assertWindows(RollingWindows.windows(range(0, 1), -100, 5, 1), new int[] {-100}, range(0, 1));
    assertWindows(RollingWindows.windows(range(0, 11), -100, 10, 1),
        new int[] {-100}, range(0, 10),
        range(0, 10), range(10, 11));
    assertEquals(List.of(), RollingWindows.windows(new int[0], -100, 10, 1));
  }
}
