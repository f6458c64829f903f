package org.lmeval.plugin.djl;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.ModelBackend;

/**
 * The {@code djl} backend: a local Hugging Face model directory with ONNX ({@code model.onnx},
 * {@code onnx/model.onnx}) or TorchScript ({@code model.pt}) weights, run in-process by DJL.
 */
public final class DjlModelBackend implements ModelBackend {
  /** tokenizer_config's "no limit" value for model_max_length. */
  private static final String TOKENIZER_INFINITY = "1000000000000000019884624838656";
  private static final int DEFAULT_MAX_LENGTH = 2048;

  @Override
  public String name() {
    return "djl";
  }

  @Override
  public String description() {
    return "local Hugging Face causal LMs (ONNX or TorchScript) in-process via DJL: OnnxRuntime, PyTorch";
  }

  @Override
  public LanguageModel open(Options modelArgs) {
    DjlModelArgs args = DjlModelArgs.parse(modelArgs);
    return PluginContext.call(() -> open(args));
  }

  private static LanguageModel open(DjlModelArgs args) {
    if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
      // The backend never downloads: without this DJL's start-up probes a cloud metadata address.
      System.setProperty("ai.djl.offline", "true");
    }
    ModelFiles files = ModelFiles.read(args.modelDir(), args.tokenizerDir());
    EngineKind engine = files.engine(args.engine());
    Path weights = files.weights(engine).orElseThrow();
    JsonObject config = files.config();
    JsonObject text = Json.object(config, "text_config").orElse(config);
    int heads = Json.integer(text, "num_attention_heads").orElse(1);
    int kvHeads = Json.integer(text, "num_key_value_heads").orElse(heads);
    int headDim = Json.integer(text, "head_dim").orElse(Json.integer(text, "hidden_size").orElse(heads) / heads);

    HfTokenizer tokenizer = HfTokenizer.load(files);
    DjlCausalLm lm;
    try {
      lm = DjlModelLoader.load(engine, weights, args.device(), kvHeads, headDim);
    } catch (RuntimeException e) {
      tokenizer.close();
      throw e;
    }
    try {
      if (tokenizer.vocabSize() > lm.vocabSize()) {
        throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "the tokenizer " + files.tokenizerJson()
            + " produces ids up to " + (tokenizer.vocabSize() - 1) + " but the model " + weights + " has "
            + lm.vocabSize() + " logits: the tokenizer does not belong to these weights");
      }
      int maxLength = args.maxLength().orElseGet(() -> maxLength(text, tokenizer));
      int prefix = prefixTokenId(args, tokenizer);
      RequestEncoder encoder = new RequestEncoder(tokenizer, args.addBosToken(), prefix);
      Batcher batcher = new Batcher(args.batchSize(), lm);
      TokenScorer scorer = new TokenScorer(lm, maxLength, batcher, args.logitsCache());
      Generator generator = new Generator(lm, tokenizer, encoder, maxLength, args.maxGenToks(), args.batchSize(),
          batcher, args.truncation(), stopTokenIds(files, tokenizer), tokenizer.eosTokenId());
      return new DjlLanguageModel(args.pretrained(), tokenizer, lm, encoder, scorer, generator, batcher,
          args.batchSize(), maxLength);
    } catch (RuntimeException e) {
      lm.close();
      tokenizer.close();
      throw e;
    }
  }

  /** lm-eval's {@code resolve_max_length}: config n_positions, max_position_embeddings, n_ctx; tokenizer; 2048. */
  static int maxLength(JsonObject textConfig, HfTokenizer tokenizer) {
    for (String key : List.of("n_positions", "max_position_embeddings", "n_ctx")) {
      OptionalInt value = Json.integer(textConfig, key);
      if (value.isPresent()) {
        return value.getAsInt();
      }
    }
    OptionalInt fromTokenizer = tokenizer.modelMaxLength();
    if (fromTokenizer.isPresent() && !String.valueOf(fromTokenizer.getAsInt()).equals(TOKENIZER_INFINITY)) {
      return fromTokenizer.getAsInt();
    }
    return DEFAULT_MAX_LENGTH;
  }

  /** {@code prefix_token_id}: the model arg, else the tokenizer's BOS id, else its EOS id. */
  private static int prefixTokenId(DjlModelArgs args, HfTokenizer tokenizer) {
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
}
