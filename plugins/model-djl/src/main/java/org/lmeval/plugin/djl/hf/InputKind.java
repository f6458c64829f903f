package org.lmeval.plugin.djl.hf;

import java.util.Locale;
import java.util.Optional;

/** The graph inputs of a Hugging Face causal LM export that this backend knows how to feed. */
public enum InputKind {
  /** Token ids, right-padded with 0 (as lm-eval pads). */
  INPUT_IDS,
  /** 1 for real tokens, 0 for padding. */
  ATTENTION_MASK,
  /** 0..len-1 per row, as transformers builds them for right-padded input. */
  POSITION_IDS,
  /** Zeros (single segment). */
  TOKEN_TYPE_IDS,
  /** An empty cache tensor {@code [batch, kv_heads, 0, head_dim]}: every pass starts without a cache. */
  PAST_KEY_VALUES,
  /** {@code false}: merged decoder exports take the no-cache branch. */
  USE_CACHE_BRANCH;

  /** The kind of an ONNX graph input, by Hugging Face / Optimum export naming. */
  public static Optional<InputKind> ofName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("input_ids")) {
      return Optional.of(INPUT_IDS);
    }
    if (n.equals("attention_mask")) {
      return Optional.of(ATTENTION_MASK);
    }
    if (n.equals("position_ids")) {
      return Optional.of(POSITION_IDS);
    }
    if (n.equals("token_type_ids")) {
      return Optional.of(TOKEN_TYPE_IDS);
    }
    if (n.startsWith("past_key_values") || n.startsWith("past_key") || n.startsWith("past_value")) {
      return Optional.of(PAST_KEY_VALUES);
    }
    if (n.equals("use_cache_branch")) {
      return Optional.of(USE_CACHE_BRANCH);
    }
    return Optional.empty();
  }
}
