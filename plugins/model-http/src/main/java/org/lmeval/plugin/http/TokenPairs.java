package org.lmeval.plugin.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.plugin.http.tokenizer.Tokenizer;

/**
 * lm-eval's {@code TemplateLM.loglikelihood} tokenisation for API models (§3.2): an empty context becomes the
 * prefix token (unless the continuation starts with it); otherwise the context's trailing whitespace moves to the
 * continuation, {@code context + continuation} is encoded whole and split at the context's token count. Every
 * encode uses {@code add_special_tokens = add_bos_token}, as {@code TemplateAPI.tok_encode} does.
 */
final class TokenPairs {
  /** A (context, continuation) pair as tokens. */
  record Pair(int[] context, int[] continuation) {
    int[] whole() {
      int[] all = Arrays.copyOf(context, context.length + continuation.length);
      System.arraycopy(continuation, 0, all, context.length, continuation.length);
      return all;
    }
  }

  private TokenPairs() {}

  static List<Pair> encode(List<LoglikelihoodRequest> requests, Tokenizer tokenizer, boolean addBos, int prefixId) {
    Set<String> texts = new LinkedHashSet<>();
    for (LoglikelihoodRequest r : requests) {
      if (r.context().isEmpty()) {
        texts.add(r.continuation());
      } else {
        String ctx = rstripped(r.context());
        texts.add(ctx + r.context().substring(ctx.length()) + r.continuation());
        texts.add(ctx);
      }
    }
    List<String> order = new ArrayList<>(texts);
    List<int[]> ids = tokenizer.encode(order, addBos);
    java.util.Map<String, int[]> enc = new java.util.HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      enc.put(order.get(i), ids.get(i));
    }
    List<Pair> out = new ArrayList<>(requests.size());
    for (LoglikelihoodRequest r : requests) {
      if (r.context().isEmpty()) {
        int[] cont = enc.get(r.continuation());
        if (cont.length == 0 || cont[0] != prefixId) {
          out.add(new Pair(new int[] {prefixId}, cont));
        } else {
          out.add(new Pair(Arrays.copyOf(cont, 1), Arrays.copyOfRange(cont, 1, cont.length)));
        }
      } else {
        String ctx = rstripped(r.context());
        int[] whole = enc.get(ctx + r.context().substring(ctx.length()) + r.continuation());
        int[] context = enc.get(ctx);
        int split = Math.min(context.length, whole.length);
        out.add(new Pair(context, Arrays.copyOfRange(whole, split, whole.length)));
      }
    }
    return out;
  }

  /** Python's {@code str.rstrip()}. */
  static String rstripped(String s) {
    return org.lmeval.api.support.PythonStrings.rstrip(s);
  }
}
