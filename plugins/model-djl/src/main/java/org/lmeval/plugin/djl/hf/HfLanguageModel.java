package org.lmeval.plugin.djl.hf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;

/**
 * lm-eval's {@code hf} request semantics (causal models) over any {@link CausalLm} forward pass: tokenisation,
 * truncation, ordering, batching, scoring, rolling windows and generation.
 */
public final class HfLanguageModel implements LanguageModel {
  private final String name;
  private final HfTokenizer tokenizer;
  private final CausalLm lm;
  private final RequestEncoder encoder;
  private final TokenScorer scorer;
  private final Generator generator;
  private final Batcher batcher;
  private final BatchSize batchSize;
  private final int maxLength;
  private final ModelFiles files;
  private String fingerprint;

  private HfLanguageModel(String name, HfTokenizer tokenizer, CausalLm lm, RequestEncoder encoder, TokenScorer scorer,
      Generator generator, Batcher batcher, BatchSize batchSize, int maxLength, ModelFiles files) {
    this.name = name;
    this.tokenizer = tokenizer;
    this.lm = lm;
    this.encoder = encoder;
    this.scorer = scorer;
    this.generator = generator;
    this.batcher = batcher;
    this.batchSize = batchSize;
    this.maxLength = maxLength;
    this.files = files;
  }

  /**
   * A hash of the model's files (weights, tokenizer, configs), so the response cache never serves one model's
   * answers to another model at the same path. Computed on first use (it reads every file once).
   */
  @Override
  public synchronized String fingerprint() {
    if (fingerprint == null) {
      fingerprint = files.contentHash();
    }
    return fingerprint;
  }

  private static final int DEFAULT_MAX_LENGTH = 2048;

  /**
   * Builds the model over an opened forward pass: loads the tokenizer, checks it against the model's
   * vocabulary, resolves max_length, the prefix token and the EOS ids. Closes {@code lm} when it fails.
   */
  public static HfLanguageModel create(HfModelArgs args, ModelFiles files, CausalLm lm) {
    HfTokenizer tokenizer;
    try {
      tokenizer = HfTokenizer.load(files, args.transformersTokenizerPipeline());
    } catch (RuntimeException e) {
      lm.close();
      throw e;
    }
    try {
      if (tokenizer.vocabSize() > lm.vocabSize()) {
        throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "the tokenizer " + files.tokenizerJson()
            + " produces ids up to " + (tokenizer.vocabSize() - 1) + " but the model in " + files.dir() + " has "
            + lm.vocabSize() + " logits: the tokenizer does not belong to these weights");
      }
      int maxLength = args.maxLength().orElseGet(() -> maxLength(files, tokenizer));
      int prefix = prefixTokenId(args, tokenizer);
      RequestEncoder encoder = new RequestEncoder(tokenizer, args.addBosToken(), prefix);
      Batcher batcher = new Batcher(args.batchSize(), lm);
      TokenScorer scorer = new TokenScorer(lm, maxLength, batcher, args.logitsCache());
      Generator generator = new Generator(lm, tokenizer, encoder, maxLength, args.maxGenToks(), args.batchSize(),
          batcher, args.truncation(), stopTokenIds(files, tokenizer), tokenizer.eosTokenId(),
          Sampler.defaults(files.generationConfig()), args.seed(), args.thinkEndToken());
      return new HfLanguageModel(args.pretrained(), tokenizer, lm, encoder, scorer, generator, batcher,
          args.batchSize(), maxLength, files);
    } catch (RuntimeException e) {
      lm.close();
      tokenizer.close();
      throw e;
    }
  }

  /** lm-eval's {@code resolve_max_length}: config n_positions, max_position_embeddings, n_ctx; tokenizer; 2048. */
  private static int maxLength(ModelFiles files, HfTokenizer tokenizer) {
    for (String key : List.of("n_positions", "max_position_embeddings", "n_ctx")) {
      OptionalInt value = files.configInt(key);
      if (value.isPresent()) {
        return value.getAsInt();
      }
    }
    // transformers' "no limit" value (1000000000000000019884624838656) does not fit an int and reads as absent
    OptionalInt fromTokenizer = tokenizer.modelMaxLength();
    if (fromTokenizer.isPresent()) {
      return fromTokenizer.getAsInt();
    }
    return DEFAULT_MAX_LENGTH;
  }

  /** {@code prefix_token_id}: the model arg, else the tokenizer's BOS id, else its EOS id. */
  private static int prefixTokenId(HfModelArgs args, HfTokenizer tokenizer) {
    if (args.prefixTokenId().isPresent()) {
      return args.prefixTokenId().getAsInt();
    }
    OptionalInt bos = tokenizer.bosTokenId();
    if (bos.isPresent()) {
      return bos.getAsInt();
    }
    return tokenizer.eosTokenId().orElseThrow(() -> new EvalException(ErrorCode.INVALID_ARGUMENT,
        "the tokenizer has neither a BOS nor an EOS token; give model arg 'prefix_token_id'"));
  }

  /** The token ids that end a generation: generation_config's eos_token_id, else config's, else the tokenizer's. */
  private static Set<Integer> stopTokenIds(ModelFiles files, HfTokenizer tokenizer) {
    Set<Integer> ids = new LinkedHashSet<>(Json.integers(files.generationConfig(), "eos_token_id"));
    if (ids.isEmpty()) {
      ids.addAll(Json.integers(files.config(), "eos_token_id"));
    }
    if (ids.isEmpty()) {
      tokenizer.eosTokenId().ifPresent(ids::add);
    }
    return ids;
  }

  @Override
  public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
    return PluginContext.call(() -> {
      List<TokenPair> pairs = new ArrayList<>(batch.size());
      for (LoglikelihoodRequest r : batch) {
        pairs.add(encoder.encodePair(r.context(), r.continuation()));
      }
      return scorer.score(pairs);
    });
  }

  /**
   * lm-eval's {@code loglikelihood_rolling}: each text's disjoint windows (context_len 1, the model's
   * max_length), all windows scored in chunks of the batch size in order, summed per text.
   */
  @Override
  public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
    return PluginContext.call(() -> {
      List<TokenPair> windows = new ArrayList<>();
      List<Integer> owners = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        int[] tokens = encoder.encode(batch.get(i).text());
        for (TokenPair w : RollingWindows.windows(tokens, encoder.prefixTokenId(), maxLength, 1)) {
          windows.add(w);
          owners.add(i);
        }
      }
      int[] owner = owners.stream().mapToInt(Integer::intValue).toArray();
      double[] sums = new double[batch.size()];
      int chunk = batchSize.auto() ? batcher.detect(maxLength) : batchSize.fixed();
      for (int start = 0; start < windows.size(); start += chunk) {
        int end = Math.min(windows.size(), start + chunk);
        List<LoglikelihoodResult> scored = scorer.score(windows.subList(start, end));
        for (int k = 0; k < scored.size(); k++) {
          sums[owner[start + k]] += scored.get(k).logprob();
        }
      }
      List<RollingResult> results = new ArrayList<>(batch.size());
      for (double s : sums) {
        results.add(new RollingResult(s));
      }
      return results;
    });
  }

  @Override
  public List<String> generateUntil(List<GenerationRequest> batch) {
    return PluginContext.call(() -> generator.generate(batch));
  }

  @Override
  public int preferredBatchSize() {
    return batchSize.preferred();
  }

  @Override
  public String modelName() {
    return name;
  }

  /** The model's context length in tokens (lm-eval's {@code max_length}). */
  public int maxLength() {
    return maxLength;
  }

  /** The token ids lm-eval's {@code tok_encode} gives {@code text}. */
  public int[] encode(String text) {
    return PluginContext.call(() -> encoder.encode(text));
  }

  /** lm-eval's {@code _loglikelihood_tokens} on already tokenised pairs. */
  public List<LoglikelihoodResult> scoreTokens(List<TokenPair> pairs) {
    return PluginContext.call(() -> scorer.score(pairs));
  }

  /** The forward pass this model runs on (for benchmarks). */
  public CausalLm causalLm() {
    return lm;
  }

  @Override
  public void close() {
    PluginContext.call(() -> {
      try {
        lm.close();
      } finally {
        tokenizer.close();
      }
      return null;
    });
  }
}
