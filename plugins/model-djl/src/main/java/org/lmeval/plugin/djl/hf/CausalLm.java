package org.lmeval.plugin.djl.hf;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A causal language model's forward pass over a batch of token rows. */
public interface CausalLm extends AutoCloseable {
  /**
   * Runs the rows (each its own length, right-padded internally) and hands the logits to {@code reader}
   * while they are valid. Position {@code p} of row {@code r} holds the logits after {@code rows[r][0..p]};
   * positions past a row's length are padding and must be ignored.
   */
  <T> T forward(List<int[]> rows, Function<Logits, T> reader);

  /**
   * A new incremental decoding session over the model's key/value cache, when the graph has one (inputs
   * {@code past_key_values.*}, outputs {@code present.*}) and it is enabled; empty otherwise, and callers then
   * re-run whole rows with {@link #forward}.
   */
  default Optional<KvCacheSession> newKvCacheSession() {
    return Optional.empty();
  }

  /** The size of the logits' last dimension. */
  int vocabSize();

  @Override
  void close();
}
