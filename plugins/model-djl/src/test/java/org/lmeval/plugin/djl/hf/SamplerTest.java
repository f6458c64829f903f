package org.lmeval.plugin.djl.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplerTest {
  private static final float[] LOGITS = {0f, 2f, 1f, 2f, -1f};

  private static int[] counts(Sampler sampler, int draws) {
    SplittableRandom random = new SplittableRandom(42);
    int[] counts = new int[LOGITS.length];
    for (int i = 0; i < draws; i++) {
      counts[sampler.sample(LOGITS, random)]++;
    }
    return counts;
  }

  @Test
  void topKKeepsTiesAtTheThreshold() {
    int[] c = counts(new Sampler(1.0, 1, 1.0), 2000);
    assertEquals(0, c[0] + c[2] + c[4]);
    assertTrue(c[1] > 800 && c[3] > 800, "the two tied maxima are both kept");
  }

  @Test
  void topPDropsTheUnlikelyTail() {
    // probabilities ~ [0.05, 0.38, 0.14, 0.38, 0.02]: top_p 0.7 keeps only the two largest
    int[] c = counts(new Sampler(1.0, 0, 0.7), 4000);
    assertEquals(0, c[0] + c[2] + c[4]);
    int[] all = counts(new Sampler(1.0, 0, 1.0), 20000);
    assertEquals(Math.exp(1) / (1 + 2 * Math.exp(2) + Math.exp(1) + Math.exp(-1)), all[2] / 20000.0, 0.01);
  }

  @Test
  void lowTemperatureApproachesArgmax() {
    int[] c = counts(new Sampler(0.01, 0, 1.0), 1000);
    assertEquals(1000, c[1] + c[3]);
  }
}
