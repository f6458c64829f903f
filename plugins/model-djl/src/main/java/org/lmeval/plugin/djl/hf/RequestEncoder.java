package org.lmeval.plugin.djl.hf;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/**
 * lm-eval's tokenisation rules for a causal Hugging Face model ({@code HFLM.tok_encode},
 * {@code tok_batch_encode}, {@code TemplateLM.loglikelihood} and {@code _encode_pair}).
 */
final class RequestEncoder {
  private final HfTokenizer tokenizer;
  private final Optional<Boolean> addBosToken;
  private final int prefixTokenId;
  private final String prefixTokenText;

  /**
   * @param tokenizer the model's tokenizer
   * @param addBosToken the {@code add_bos_token} model arg (empty: the tokenizer's own default)
   * @param prefixTokenId lm-eval's {@code prefix_token_id}
   */
  RequestEncoder(HfTokenizer tokenizer, Optional<Boolean> addBosToken, int prefixTokenId) {
    this.tokenizer = tokenizer;
    this.addBosToken = addBosToken;
    this.prefixTokenId = prefixTokenId;
    this.prefixTokenText = tokenizer.decode(new int[] {prefixTokenId}, false);
  }

  int prefixTokenId() {
    return prefixTokenId;
  }

  /**
   * {@code tok_encode(s)}: special tokens per {@code add_bos_token}, else the tokenizer's default (on); off
   * when the string already starts with the decoded prefix token.
   */
  int[] encode(String text) {
    boolean special = addBosToken.orElse(true);
    if (text.startsWith(prefixTokenText)) { // Python: every string starts with ""
      special = false;
    }
    return withBos(tokenizer.encode(text, special), special);
  }

  /**
   * {@code add_bos_token=True} is a tokenizer constructor argument in lm-eval: transformers then prepends BOS
   * even for tokenizers whose post-processor does not (GPT-2 style); do the same.
   */
  private int[] withBos(int[] ids, boolean special) {
    if (!special || !addBosToken.orElse(false)) {
      return ids;
    }
    OptionalInt bos = tokenizer.bosTokenId();
    if (bos.isEmpty() || (ids.length > 0 && ids[0] == bos.getAsInt())) {
      return ids;
    }
    int[] out = new int[ids.length + 1];
    out[0] = bos.getAsInt();
    System.arraycopy(ids, 0, out, 1, ids.length);
    return out;
  }

  /** {@code tok_encode(s, add_special_tokens=...)}. */
  int[] encode(String text, boolean addSpecialTokens) {
    return withBos(tokenizer.encode(text, addSpecialTokens), addSpecialTokens);
  }

  /** A loglikelihood request in tokens: empty context conditions on the prefix token, else {@code _encode_pair}. */
  TokenPair encodePair(String context, String continuation) {
    if (context.isEmpty()) {
      int[] cont = encode(continuation, false);
      if (cont.length == 0) {
        throw new EvalException(ErrorCode.INVALID_ARGUMENT,
            "loglikelihood request with an empty context and an empty continuation: nothing to score");
      }
      if (cont[0] != prefixTokenId) {
        return new TokenPair(new int[] {prefixTokenId}, cont);
      }
      return new TokenPair(new int[] {cont[0]}, Arrays.copyOfRange(cont, 1, cont.length));
    }
    int spaces = PyStrings.trailingSpaceLength(context);
    if (spaces > 0) {
      continuation = context.substring(context.length() - spaces) + continuation;
      context = context.substring(0, context.length() - spaces);
    }
    int[] whole = encode(context + continuation);
    int[] ctx = encode(context);
    int split = Math.min(ctx.length, whole.length);
    return new TokenPair(ctx, Arrays.copyOfRange(whole, split, whole.length));
  }

  /**
   * The contexts of one generation batch as {@code tok_batch_encode} encodes them: special tokens off when the
   * batch's first string starts with the tokenizer's BOS token, else per {@code add_bos_token}, else default.
   */
  int[][] encodeBatch(List<String> contexts) {
    Optional<String> bos = tokenizer.bosToken();
    boolean special = addBosToken.orElse(true);
    if (!contexts.isEmpty() && bos.isPresent() && contexts.get(0).startsWith(bos.get())) {
      special = false;
    }
    int[][] out = new int[contexts.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = withBos(tokenizer.encode(contexts.get(i), special), special);
    }
    return out;
  }
}
