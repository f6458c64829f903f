package org.lmeval.plugin.djl.hf;

/** A (context, continuation) request in tokens, as lm-eval's {@code _loglikelihood_tokens} receives it. */
public record TokenPair(int[] context, int[] continuation) {
  /** context + continuation. */
  public int[] whole() {
    int[] whole = new int[context.length + continuation.length];
    System.arraycopy(context, 0, whole, 0, context.length);
    System.arraycopy(continuation, 0, whole, context.length, continuation.length);
    return whole;
  }
}
