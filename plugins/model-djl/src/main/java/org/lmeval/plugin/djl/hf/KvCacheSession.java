package org.lmeval.plugin.djl.hf;

import java.util.List;
import java.util.function.Function;

/**
 * Incremental decoding of one batch with the model's attention key/value cache: one {@link #prefill} pass over
 * the contexts, then one {@link #step} per generated token that runs only the new tokens against the cached
 * keys and values. Rows keep their own positions: a shorter context's padding stays hidden by the attention
 * mask for the whole generation, so every row gets the logits it would get alone.
 */
public interface KvCacheSession extends AutoCloseable {
  /**
   * The first pass over the context rows (each its own length): hands the logits {@code [rows, seq, vocab]}
   * to {@code reader} as {@link CausalLm#forward} does, and keeps the keys and values of every row.
   */
  <T> T prefill(List<int[]> rows, Function<Logits, T> reader);

  /**
   * Runs one new token per current row after everything cached so far and hands the logits
   * {@code [rows, 1, vocab]} to {@code reader}; the tokens join the cache.
   */
  <T> T step(int[] tokens, Function<Logits, T> reader);

  /** Drops every row but {@code rows} (indices into the current rows, ascending) from the next steps. */
  void keepRows(int[] rows);

  /** Frees the cache. */
  @Override
  void close();
}
