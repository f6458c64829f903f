package org.lmeval.plugin.djl;

/** A (context, continuation) request in tokens, as lm-eval's {@code _loglikelihood_tokens} receives it. */
record TokenPair(int[] context, int[] continuation) {
  /** context + continuation. */
  int[] whole() {
    int[] whole = new int[context.length + continuation.length];
    System.arraycopy(context, 0, whole, 0, context.length);
    System.arraycopy(continuation, 0, whole, context.length, continuation.length);
    return whole;
  }
}
