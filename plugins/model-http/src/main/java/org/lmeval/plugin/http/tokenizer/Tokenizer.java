package org.lmeval.plugin.http.tokenizer;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Turns text into token ids and back, in batches (a remote tokenizer answers a batch concurrently). */
public interface Tokenizer extends AutoCloseable {
  /** Token ids of each text; {@code addSpecialTokens} as HF's {@code add_special_tokens}. */
  List<int[]> encode(List<String> texts, boolean addSpecialTokens);

  /** Each token list as text, special tokens kept (HF {@code batch_decode} defaults). */
  List<String> decode(List<int[]> tokens);

  OptionalInt bosTokenId();

  OptionalInt eosTokenId();

  /** The end-of-sequence text, appended to stop sequences. */
  Optional<String> eosToken();

  /** For messages: "huggingface tokenizer /path/tokenizer.json", "remote tokenizer http://...". */
  String description();

  @Override
  default void close() {}
}
