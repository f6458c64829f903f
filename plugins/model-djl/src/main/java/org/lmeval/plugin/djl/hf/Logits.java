package org.lmeval.plugin.djl.hf;

import java.nio.FloatBuffer;

/** A read-only view of a forward pass's logits, {@code [batch, seq, vocab]} float32, valid inside the pass. */
public final class Logits {
  private final FloatBuffer data;
  private final int seq;
  private final int vocab;

  /** @param data {@code [batch, seq, vocab]} row-major */
  public Logits(FloatBuffer data, int seq, int vocab) {
    this.data = data;
    this.seq = seq;
    this.vocab = vocab;
  }

  public int vocab() {
    return vocab;
  }

  public float get(int row, int pos, int token) {
    return data.get(offset(row, pos) + token);
  }

  /** {@code argmax(logits[row, pos])}, the first index on ties (as torch). */
  public int argmax(int row, int pos) {
    int base = offset(row, pos);
    int best = 0;
    float max = data.get(base);
    for (int v = 1; v < vocab; v++) {
      float x = data.get(base + v);
      if (x > max) {
        max = x;
        best = v;
      }
    }
    return best;
  }

  /** {@code log_softmax(logits[row, pos])[token]}, computed in double. */
  public double logSoftmax(int row, int pos, int token) {
    int base = offset(row, pos);
    double max = Double.NEGATIVE_INFINITY;
    for (int v = 0; v < vocab; v++) {
      max = Math.max(max, data.get(base + v));
    }
    double sum = 0;
    for (int v = 0; v < vocab; v++) {
      sum += Math.exp(data.get(base + v) - max);
    }
    return data.get(base + token) - max - Math.log(sum);
  }

  /** A copy of {@code logits[row, pos]}. */
  public float[] row(int row, int pos) {
    float[] out = new float[vocab];
    data.get(offset(row, pos), out, 0, vocab);
    return out;
  }

  private int offset(int row, int pos) {
    return (row * seq + pos) * vocab;
  }
}
