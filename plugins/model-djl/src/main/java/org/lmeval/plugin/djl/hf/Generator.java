package org.lmeval.plugin.djl.hf;

import org.lmeval.api.support.PythonStrings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;

/**
 * lm-eval's {@code HFLM.generate_until}: requests grouped by identical generation
 * kwargs (first-appearance order), sorted by {@code (-len(tok_encode(context)), context)}, batched; contexts
 * encoded as {@code tok_batch_encode} does and left-truncated to {@code max_length - max_gen_toks}; each row
 * extended by its argmax token (or, with {@code do_sample=true}, a {@link Sampler} draw from a stream seeded by
 * the model's seed, the request and how often the same request came before) until EOS, {@code max_gen_toks}
 * or a stop string; the decoded text (special
 * tokens skipped) cut at each stop string in order, after lm-eval's {@code think_end_token} handling. The
 * stop list is {@code until} plus the decoded EOS token.
 *
 * <p>Rows of a batch are right-padded: a causal model's logits at a row's last real position do not depend
 * on the padding after it, so every row gets the tokens it would get alone. When the model keeps a key/value
 * cache ({@link CausalLm#newKvCacheSession}), the contexts run once and each step runs one new token per row;
 * otherwise every step re-runs the whole rows. Finished rows leave the batch either way.
 */
final class Generator {
  private final CausalLm lm;
  private final HfTokenizer tokenizer;
  private final RequestEncoder encoder;
  private final int maxLength;
  private final int defaultMaxGenToks;
  private final BatchSize batchSize;
  private final Batcher batcher;
  private final boolean truncation;
  private final Set<Integer> stopTokenIds;
  private final String eosText;
  private final Sampler samplingDefaults;
  private final long seed;
  private final Map<String, Integer> drawsByRequest = new HashMap<>();
  private final Optional<Object> thinkEndToken;

  Generator(CausalLm lm, HfTokenizer tokenizer, RequestEncoder encoder, int maxLength, int defaultMaxGenToks,
      BatchSize batchSize, Batcher batcher, boolean truncation, Set<Integer> stopTokenIds, OptionalInt eotTokenId,
      Sampler samplingDefaults, long seed, Optional<Object> thinkEndToken) {
    this.lm = lm;
    this.tokenizer = tokenizer;
    this.encoder = encoder;
    this.maxLength = maxLength;
    this.defaultMaxGenToks = defaultMaxGenToks;
    this.batchSize = batchSize;
    this.batcher = batcher;
    this.truncation = truncation;
    this.stopTokenIds = Set.copyOf(stopTokenIds);
    this.eosText = eotTokenId.isPresent() ? tokenizer.decode(new int[] {eotTokenId.getAsInt()}, false) : null;
    this.samplingDefaults = samplingDefaults;
    this.seed = seed;
    this.thinkEndToken = thinkEndToken;
  }

  List<String> generate(List<GenerationRequest> requests) {
    String[] results = new String[requests.size()];
    Map<GenerationParams, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      groups.computeIfAbsent(requests.get(i).params(), p -> new ArrayList<>()).add(i);
    }
    int size = batchSize.auto() ? batcher.detect(maxLength) : batchSize.fixed();
    for (Map.Entry<GenerationParams, List<Integer>> group : groups.entrySet()) {
      List<Integer> idx = new ArrayList<>(group.getValue());
      Map<Integer, Integer> encodedLength = new LinkedHashMap<>();
      for (int i : idx) {
        encodedLength.put(i, encoder.encode(requests.get(i).context()).length);
      }
      idx.sort(Comparator.<Integer>comparingInt(i -> -encodedLength.get(i))
          .thenComparing((a, b) -> PythonStrings.compare(requests.get(a).context(), requests.get(b).context())));
      for (int start = 0; start < idx.size(); start += size) {
        List<Integer> chunk = idx.subList(start, Math.min(idx.size(), start + size));
        List<String> contexts = chunk.stream().map(i -> requests.get(i).context()).toList();
        List<SplittableRandom> streams = new ArrayList<>();
        for (int i : chunk) {
          String key = requests.get(i).context() + '\u0000' + group.getKey();
          int occurrence = drawsByRequest.merge(key, 1, Integer::sum);
          streams.add(new SplittableRandom(seed * 1_000_003L + key.hashCode() * 31L + occurrence));
        }
        List<String> texts = generateBatch(contexts, group.getKey(), streams);
        for (int k = 0; k < chunk.size(); k++) {
          results[chunk.get(k)] = texts.get(k);
        }
      }
    }
    return List.of(results);
  }

  private List<String> generateBatch(List<String> contexts, GenerationParams params,
      List<SplittableRandom> streams) {
    Sampler sampler = params.doSample() ? samplingDefaults.with(params) : null;
    int maxGenToks = params.maxGenToks().orElse(defaultMaxGenToks);
    List<String> until = new ArrayList<>(params.until());
    if (eosText != null && !until.contains(eosText)) {
      until.add(eosText);
    }
    int maxContext = maxLength - maxGenToks;
    if (maxContext <= 0) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "requested max tokens to generate (" + maxGenToks
          + ") must be less than the model's maximum sequence length (" + maxLength + ")");
    }
    int[][] encoded = encoder.encodeBatch(contexts);
    int padded = 0;
    List<int[]> rows = new ArrayList<>(encoded.length);
    for (int i = 0; i < encoded.length; i++) {
      int[] ctx = encoded[i];
      if (truncation && tokenizer.modelMaxLength().isPresent() && ctx.length > tokenizer.modelMaxLength().getAsInt()) {
        ctx = Arrays.copyOf(ctx, tokenizer.modelMaxLength().getAsInt());
      }
      if (ctx.length > maxContext) {
        ctx = Arrays.copyOfRange(ctx, ctx.length - maxContext, ctx.length);
      }
      if (ctx.length == 0) {
        throw new EvalException(ErrorCode.INVALID_ARGUMENT, "generation context " + i + " of the batch is empty after"
            + " tokenisation (the tokenizer adds no BOS token); give a non-empty context");
      }
      padded = Math.max(padded, ctx.length);
      rows.add(ctx);
    }
    int budget = maxGenToks;
    Object maxLengthKwarg = params.extra().get("max_length");
    if (maxLengthKwarg instanceof Number n) {
      budget = Math.min(n.intValue() - padded, maxLength - padded);
    }
    List<List<Integer>> generated = new ArrayList<>();
    List<Integer> active = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      generated.add(new ArrayList<>());
      active.add(i);
    }
    Optional<KvCacheSession> cache = lm.newKvCacheSession();
    try {
      for (int step = 0; step < budget && !active.isEmpty(); step++) {
        List<Integer> rowsNow = active;
        int[] next;
        if (cache.isEmpty()) {
          List<int[]> batch = active.stream().map(i -> append(rows.get(i), generated.get(i))).toList();
          next = lm.forward(batch, logits -> pick(logits, r -> batch.get(r).length - 1, sampler, streams, rowsNow));
        } else if (step == 0) {
          next = cache.get().prefill(rows, logits -> pick(logits, r -> rows.get(r).length - 1, sampler, streams,
              rowsNow));
        } else {
          int[] last = active.stream().mapToInt(i -> generated.get(i).get(generated.get(i).size() - 1)).toArray();
          next = cache.get().step(last, logits -> pick(logits, r -> 0, sampler, streams, rowsNow));
        }
        List<Integer> still = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int r = 0; r < next.length; r++) {
          int row = active.get(r);
          generated.get(row).add(next[r]);
          boolean done = stopTokenIds.contains(next[r]) || containsStop(decode(generated.get(row)), until);
          if (!done) {
            still.add(row);
            kept.add(r);
          }
        }
        if (cache.isPresent() && !still.isEmpty() && still.size() < active.size()) {
          cache.get().keepRows(kept.stream().mapToInt(Integer::intValue).toArray());
        }
        active = still;
      }
    } finally {
      cache.ifPresent(KvCacheSession::close);
    }
    List<String> texts = new ArrayList<>(rows.size());
    for (List<Integer> tokens : generated) {
      String text;
      if (thinkEndToken.isPresent() && thinkEndToken.get() instanceof Integer id) {
        // lm-eval: keep the tokens after the last think_end_token id, decode, lstrip
        int last = tokens.lastIndexOf(id);
        text = PyStrings.lstrip(decode(last < 0 ? tokens : tokens.subList(last + 1, tokens.size())));
      } else {
        text = decode(tokens);
      }
      if (thinkEndToken.isPresent() && thinkEndToken.get() instanceof String marker && !marker.isEmpty()) {
        text = PyStrings.lstrip(PyStrings.afterLast(text, marker));
      }
      for (String stop : until) {
        if (!stop.isEmpty()) {
          text = PyStrings.beforeFirst(text, stop);
        }
      }
      texts.add(text);
    }
    return texts;
  }

  /** The next token of every row of {@code logits}: argmax, or a draw from the row's stream when sampling. */
  private static int[] pick(Logits logits, IntUnaryOperator position, Sampler sampler, List<SplittableRandom> streams,
      List<Integer> rowsNow) {
    int[] out = new int[rowsNow.size()];
    for (int r = 0; r < out.length; r++) {
      int at = position.applyAsInt(r);
      out[r] = sampler == null ? logits.argmax(r, at) : sampler.sample(logits.row(r, at), streams.get(rowsNow.get(r)));
    }
    return out;
  }

  private String decode(List<Integer> tokens) {
    return tokenizer.decode(tokens.stream().mapToInt(Integer::intValue).toArray(), true);
  }

  private static boolean containsStop(String text, List<String> until) {
    for (String stop : until) {
      if (!stop.isEmpty() && text.contains(stop)) {
        return true;
      }
    }
    return false;
  }

  private static int[] append(int[] context, List<Integer> generated) {
    int[] row = Arrays.copyOf(context, context.length + generated.size());
    for (int i = 0; i < generated.size(); i++) {
      row[context.length + i] = generated.get(i);
    }
    return row;
  }
}
