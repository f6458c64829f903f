package org.lmeval.plugin.djl.hf;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/**
 * A Hugging Face fast tokenizer ({@code tokenizer.json}) run by DJL's tokenizers binding, with the special
 * tokens of {@code tokenizer_config.json} / {@code special_tokens_map.json} and transformers' decode
 * post-processing ({@code clean_up_tokenization_spaces}). No truncation and no padding: lm-eval truncates
 * itself.
 */
final class HfTokenizer implements AutoCloseable {
  private final HuggingFaceTokenizer tokenizer;
  private final Map<String, Integer> specialIds;
  private final Map<String, Integer> vocab;
  private final int vocabSize;
  private final Optional<String> bosToken;
  private final Optional<String> eosToken;
  private final boolean cleanUpTokenizationSpaces;
  private final OptionalInt modelMaxLength;

  private HfTokenizer(HuggingFaceTokenizer tokenizer, Map<String, Integer> specialIds, Map<String, Integer> vocab,
      int vocabSize, Optional<String> bosToken, Optional<String> eosToken, boolean cleanUp,
      OptionalInt modelMaxLength) {
    this.tokenizer = tokenizer;
    this.specialIds = specialIds;
    this.vocab = vocab;
    this.vocabSize = vocabSize;
    this.bosToken = bosToken;
    this.eosToken = eosToken;
    this.cleanUpTokenizationSpaces = cleanUp;
    this.modelMaxLength = modelMaxLength;
  }

  /** Loads {@code tokenizer.json} and the special tokens of the model directory's tokenizer files. */
  static HfTokenizer load(ModelFiles files) {
    return load(files, true);
  }

  /**
   * @param transformersPipeline run the pipeline transformers 5 builds for the tokenizer class
   *     ({@link TransformersPipeline}) instead of tokenizer.json's own
   */
  static HfTokenizer load(ModelFiles files, boolean transformersPipeline) {
    Path json = files.tokenizerJson();
    JsonObject spec = Json.readObject(json);
    Map<String, Integer> added = new HashMap<>();
    int maxId = -1;
    if (spec.has("added_tokens") && spec.get("added_tokens").isJsonArray()) {
      for (JsonElement e : spec.getAsJsonArray("added_tokens")) {
        JsonObject t = e.getAsJsonObject();
        int id = t.get("id").getAsInt();
        added.put(t.get("content").getAsString(), id);
        maxId = Math.max(maxId, id);
      }
    }
    Map<String, Integer> vocab = new HashMap<>();
    JsonObject model = Json.object(spec, "model").orElseGet(JsonObject::new);
    JsonElement v = model.get("vocab");
    if (v != null && v.isJsonObject()) {
      for (Map.Entry<String, JsonElement> e : v.getAsJsonObject().entrySet()) {
        vocab.put(e.getKey(), e.getValue().getAsInt());
        maxId = Math.max(maxId, e.getValue().getAsInt());
      }
    } else if (v != null && v.isJsonArray()) { // Unigram: [[piece, score], ...], id = index
      int id = 0;
      for (JsonElement e : v.getAsJsonArray()) {
        vocab.putIfAbsent(e.getAsJsonArray().get(0).getAsString(), id);
        maxId = Math.max(maxId, id);
        id++;
      }
    }
    JsonObject config = files.tokenizerConfig();
    JsonObject map = files.specialTokensMap();
    Optional<String> bos = Json.tokenString(config, "bos_token").or(() -> Json.tokenString(map, "bos_token"));
    Optional<String> eos = Json.tokenString(config, "eos_token").or(() -> Json.tokenString(map, "eos_token"));
    boolean cleanUp = Json.bool(config, "clean_up_tokenization_spaces").orElse(false);
    OptionalInt modelMaxLength = Json.integer(config, "model_max_length");
    JsonObject effective = transformersPipeline
        ? TransformersPipeline.apply(spec, config, bos, eos, t -> Optional.ofNullable(added.getOrDefault(t, vocab.get(t))))
        : spec;
    DjlOffline.ensure();
    HuggingFaceTokenizer tokenizer;
    try (InputStream in = new ByteArrayInputStream(effective.toString().getBytes(StandardCharsets.UTF_8))) {
      tokenizer = HuggingFaceTokenizer.newInstance(in,
          Map.of("addSpecialTokens", "true", "truncation", "false", "padding", "false"));
    } catch (IOException | RuntimeException e) {
      throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE,
          "cannot load the tokenizer " + json + ": " + e.getMessage(), e);
    }
    return new HfTokenizer(tokenizer, added, vocab, maxId + 1, bos, eos, cleanUp, modelMaxLength);
  }

  /** {@code tokenizer.encode(text, add_special_tokens=...)}. */
  int[] encode(String text, boolean addSpecialTokens) {
    long[] ids = tokenizer.encode(text, addSpecialTokens, false).getIds();
    int[] out = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = Math.toIntExact(ids[i]);
    }
    return out;
  }

  /** {@code tokenizer.decode(ids, skip_special_tokens=...)}, with transformers' space clean-up when configured. */
  String decode(int[] ids, boolean skipSpecialTokens) {
    long[] longs = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      longs[i] = ids[i];
    }
    String text = tokenizer.decode(longs, skipSpecialTokens);
    return cleanUpTokenizationSpaces ? cleanUp(text) : text;
  }

  /** The id of a token string: added (special) tokens first, then the model vocabulary. */
  OptionalInt tokenId(String token) {
    Integer id = specialIds.get(token);
    if (id == null) {
      id = vocab.get(token);
    }
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /** One more than the largest id the tokenizer can produce. */
  int vocabSize() {
    return vocabSize;
  }

  Optional<String> bosToken() {
    return bosToken;
  }

  OptionalInt bosTokenId() {
    return bosToken.map(this::tokenId).orElse(OptionalInt.empty());
  }

  OptionalInt eosTokenId() {
    return eosToken.map(this::tokenId).orElse(OptionalInt.empty());
  }

  /** {@code tokenizer_config.json}'s {@code model_max_length}, if any. */
  OptionalInt modelMaxLength() {
    return modelMaxLength;
  }

  /** transformers' {@code clean_up_tokenization}. */
  static String cleanUp(String text) {
    return text.replace(" .", ".").replace(" ?", "?").replace(" !", "!").replace(" ,", ",")
        .replace(" ' ", "'").replace(" n't", "n't").replace(" 'm", "'m").replace(" 's", "'s")
        .replace(" 've", "'ve").replace(" 're", "'re");
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
