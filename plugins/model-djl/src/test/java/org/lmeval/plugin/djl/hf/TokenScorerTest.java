package org.lmeval.plugin.djl.hf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.LoglikelihoodResult;

/**
 * The request-to-row mechanics of lm-eval's _loglikelihood_tokens, on a causal "successor" model whose
 * logits favour token (t + 1) mod 8 after token t, recording the rows it is fed.
 */
class TokenScorerTest {
  private static final int VOCAB = 8;

  /** logits[r, p, v] = 3 if v == rows[r][p] + 1 (mod 8), else 0. */
  static class SuccessorLm implements CausalLm {
    final List<List<int[]>> batches = new ArrayList<>();

    @Override
    public <T> T forward(List<int[]> rows, Function<Logits, T> reader) {
      batches.add(rows.stream().map(int[]::clone).toList());
      int seq = rows.stream().mapToInt(r -> r.length).max().orElse(0);
      FloatBuffer data = FloatBuffer.allocate(rows.size() * seq * VOCAB);
      for (int r = 0; r < rows.size(); r++) {
        for (int p = 0; p < rows.get(r).length; p++) {
          data.put((r * seq + p) * VOCAB + (rows.get(r)[p] + 1) % VOCAB, 3f);
        }
      }
      return reader.apply(new Logits(data, seq, VOCAB));
    }

    @Override
    public int vocabSize() {
      return VOCAB;
    }

    @Override
    public void close() {}
  }

  private static final double LOG_P_SUCCESSOR = 3 - Math.log(Math.exp(3) + VOCAB - 1);
  private static final double LOG_P_OTHER = -Math.log(Math.exp(3) + VOCAB - 1);

  private static TokenScorer scorer(SuccessorLm lm, int maxLength, int batch, boolean cache) {
    return new TokenScorer(lm, maxLength, new Batcher(new BatchSize(batch, 0, 64), lm), cache);
  }

  @Test
  void scoresTheContinuationPositionsAndChecksGreedy() {
    SuccessorLm lm = new SuccessorLm();
    List<LoglikelihoodResult> r = scorer(lm, 100, 4, true).score(List.of(
        new TokenPair(new int[] {1, 2}, new int[] {3, 4}),
        new TokenPair(new int[] {1, 2}, new int[] {3, 5})));
    assertEquals(2 * LOG_P_SUCCESSOR, r.get(0).logprob(), 1e-12);
    assertTrue(r.get(0).greedy());
    assertEquals(LOG_P_SUCCESSOR + LOG_P_OTHER, r.get(1).logprob(), 1e-12);
    assertFalse(r.get(1).greedy());
  }

  @Test
  void sortsLongestFirstSharesIdenticalInputsAndRestoresOrder() {
    SuccessorLm lm = new SuccessorLm();
    List<LoglikelihoodResult> r = scorer(lm, 100, 2, true).score(List.of(
        new TokenPair(new int[] {1}, new int[] {2}),              // input [1]
        new TokenPair(new int[] {5, 6}, new int[] {7}),           // input [5, 6]
        new TokenPair(new int[] {5}, new int[] {6, 7}),           // input [5, 6]: shares the row
        new TokenPair(new int[] {2, 3, 4}, new int[] {5, 6})));   // input [2, 3, 4, 5]
    assertEquals(2, lm.batches.size());
    assertArrayEquals(new int[] {2, 3, 4, 5}, lm.batches.get(0).get(0));
    assertArrayEquals(new int[] {5, 6}, lm.batches.get(0).get(1));
    assertEquals(1, lm.batches.get(1).size());
    assertArrayEquals(new int[] {1}, lm.batches.get(1).get(0));
    assertEquals(LOG_P_SUCCESSOR, r.get(0).logprob(), 1e-12);
    assertEquals(LOG_P_SUCCESSOR, r.get(1).logprob(), 1e-12);
    assertEquals(2 * LOG_P_SUCCESSOR, r.get(2).logprob(), 1e-12);
    assertEquals(2 * LOG_P_SUCCESSOR, r.get(3).logprob(), 1e-12);

    SuccessorLm noCache = new SuccessorLm();
    scorer(noCache, 100, 8, false).score(List.of(new TokenPair(new int[] {5, 6}, new int[] {7}),
        new TokenPair(new int[] {5}, new int[] {6, 7})));
    assertEquals(2, noCache.batches.get(0).size(), "logits_cache=false: one row per request");
  }

  @Test
  void leftTruncatesToMaxLengthPlusOne() {
    SuccessorLm lm = new SuccessorLm();
    List<LoglikelihoodResult> r = scorer(lm, 4, 1, true).score(List.of(
        new TokenPair(new int[] {1, 2, 3, 4, 5}, new int[] {6, 7})));
    assertArrayEquals(new int[] {3, 4, 5, 6}, lm.batches.get(0).get(0));
    assertEquals(2 * LOG_P_SUCCESSOR, r.get(0).logprob(), 1e-12);
    EvalException e = assertThrows(EvalException.class, () -> scorer(lm, 4, 1, true).score(List.of(
        new TokenPair(new int[] {1}, new int[] {2, 3, 4, 5, 6}))));
    assertTrue(e.getMessage().contains("5 tokens") && e.getMessage().contains("max_length 4"), e.getMessage());
    assertThrows(EvalException.class, () -> scorer(lm, 4, 1, true).score(List.of(
        new TokenPair(new int[0], new int[] {2}))));
  }

  @Test
  void autoBatchSizeHalvesWhileTheEngineFails() {
    SuccessorLm lm = new SuccessorLm() {
      @Override
      public <T> T forward(List<int[]> rows, Function<Logits, T> reader) {
        if (rows.size() > 5) {
          throw new EvalException(org.lmeval.api.ErrorCode.BACKEND_FAILURE, "out of memory (simulated)");
        }
        return super.forward(rows, reader);
      }
    };
    assertEquals(4, new Batcher(new BatchSize(0, 1, 16), lm).detect(3), "16 and 8 fail, 4 fits");
    SuccessorLm broken = new SuccessorLm() {
      @Override
      public <T> T forward(List<int[]> rows, Function<Logits, T> reader) {
        throw new EvalException(org.lmeval.api.ErrorCode.INVALID_ARGUMENT, "not a memory problem");
      }
    };
    assertThrows(EvalException.class, () -> new Batcher(new BatchSize(0, 1, 16), broken).detect(3));
  }

  @Test
  void autoBatchSizeStartsAtMaxBatchSize() {
    SuccessorLm lm = new SuccessorLm();
    List<TokenPair> many = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      many.add(new TokenPair(new int[] {i % VOCAB, (i + 3) % VOCAB, i / VOCAB}, new int[] {1}));
    }
    new TokenScorer(lm, 100, new Batcher(new BatchSize(0, 1, 4), lm), true).score(many);
    // one detection pass of 4 rows, then batches of 4, 4, 2
    assertEquals(List.of(4, 4, 4, 2), lm.batches.stream().map(List::size).toList());
  }
}
