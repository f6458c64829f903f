package org.lmeval.plugin.djl.hf;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What transformers 5 (the version lm-eval 0.4.13 installs today) does to a {@code tokenizer.json} when
 * {@code AutoTokenizer} loads it through a tokenizer class that builds its own pipeline. For
 * {@code LlamaTokenizer}: no normalizer; a Metaspace pre-tokenizer whose prepend scheme is "always" (legacy),
 * "first" ({@code legacy=false}, the class default) or "never" ({@code add_prefix_space=false}), without
 * splitting; the decoder Replace("▁", " "), ByteFallback, Fuse, then Strip one leading space when a prefix
 * space is added; and, when tokenizer_config names {@code add_bos_token} / {@code add_eos_token}, a template
 * post-processor from them. The model (vocabulary, merges) is kept. tokenizer.json files written for older
 * versions often prepend "▁" in a normalizer instead, which tokenises leading spaces differently
 * ({@code " Lily"}: transformers 5 gives {@code [▁Lily]}, the file as written {@code [▁, ▁Lily]}).
 */
final class TransformersPipeline {
  private static final Set<String> LLAMA_CLASSES = Set.of("LlamaTokenizer", "LlamaTokenizerFast");

  private TransformersPipeline() {}

  /** Whether transformers 5 rebuilds this tokenizer class's pipeline (and so this class does). */
  static boolean rebuilds(JsonObject tokenizerConfig) {
    return Json.tokenString(tokenizerConfig, "tokenizer_class").map(LLAMA_CLASSES::contains).orElse(false);
  }

  /**
   * The tokenizer.json transformers 5 effectively runs.
   *
   * @param tokenId the id of a token string (for the post-processor's special tokens)
   */
  static JsonObject apply(JsonObject spec, JsonObject tokenizerConfig, Optional<String> bos, Optional<String> eos,
      Function<String, Optional<Integer>> tokenId) {
    if (!rebuilds(tokenizerConfig)) {
      return spec;
    }
    JsonObject out = spec.deepCopy();
    boolean addPrefixSpace = Json.bool(tokenizerConfig, "add_prefix_space").orElse(true);
    boolean legacy = Json.bool(tokenizerConfig, "legacy").orElse(false);
    String scheme = !addPrefixSpace ? "never" : legacy ? "always" : "first";
    out.add("normalizer", com.google.gson.JsonNull.INSTANCE);
    JsonObject metaspace = new JsonObject();
    metaspace.addProperty("type", "Metaspace");
    metaspace.addProperty("replacement", "\u2581");
    metaspace.addProperty("prepend_scheme", scheme);
    metaspace.addProperty("split", false);
    out.add("pre_tokenizer", metaspace);

    JsonArray decoders = new JsonArray();
    JsonObject replace = new JsonObject();
    replace.addProperty("type", "Replace");
    JsonObject pattern = new JsonObject();
    pattern.addProperty("String", "\u2581");
    replace.add("pattern", pattern);
    replace.addProperty("content", " ");
    decoders.add(replace);
    decoders.add(typed("ByteFallback"));
    decoders.add(typed("Fuse"));
    if (addPrefixSpace) {
      JsonObject strip = typed("Strip");
      strip.addProperty("content", " ");
      strip.addProperty("start", 1);
      strip.addProperty("stop", 0);
      decoders.add(strip);
    }
    JsonObject decoder = typed("Sequence");
    decoder.add("decoders", decoders);
    out.add("decoder", decoder);

    Optional<Boolean> addBos = Json.bool(tokenizerConfig, "add_bos_token");
    Optional<Boolean> addEos = Json.bool(tokenizerConfig, "add_eos_token");
    if (addBos.isPresent() || addEos.isPresent()) {
      boolean withBos = addBos.orElse(false) && bos.flatMap(tokenId).isPresent();
      boolean withEos = addEos.orElse(false) && eos.flatMap(tokenId).isPresent();
      JsonObject template = typed("TemplateProcessing");
      template.add("single", sequence(withBos ? bos.get() : null, "A", withEos ? eos.get() : null, 0, new JsonArray()));
      JsonArray pair = sequence(withBos ? bos.get() : null, "A", withEos ? eos.get() : null, 0, new JsonArray());
      template.add("pair", sequence(withBos ? bos.get() : null, "B", withEos ? eos.get() : null, 1, pair));
      JsonObject specials = new JsonObject();
      if (withBos) {
        specials.add(bos.get(), special(bos.get(), tokenId.apply(bos.get()).get()));
      }
      if (withEos) {
        specials.add(eos.get(), special(eos.get(), tokenId.apply(eos.get()).get()));
      }
      template.add("special_tokens", specials);
      out.add("post_processor", template);
    }
    return out;
  }

  private static JsonObject typed(String type) {
    JsonObject o = new JsonObject();
    o.addProperty("type", type);
    return o;
  }

  private static JsonArray sequence(String bos, String sequenceId, String eos, int typeId, JsonArray into) {
    if (bos != null) {
      into.add(specialPiece(bos, typeId));
    }
    JsonObject seq = new JsonObject();
    JsonObject body = new JsonObject();
    body.addProperty("id", sequenceId);
    body.addProperty("type_id", typeId);
    seq.add("Sequence", body);
    into.add(seq);
    if (eos != null) {
      into.add(specialPiece(eos, typeId));
    }
    return into;
  }

  private static JsonObject specialPiece(String token, int typeId) {
    JsonObject piece = new JsonObject();
    JsonObject body = new JsonObject();
    body.addProperty("id", token);
    body.addProperty("type_id", typeId);
    piece.add("SpecialToken", body);
    return piece;
  }

  private static JsonObject special(String token, int id) {
    JsonObject o = new JsonObject();
    o.addProperty("id", token);
    JsonArray ids = new JsonArray();
    ids.add(id);
    o.add("ids", ids);
    JsonArray tokens = new JsonArray();
    tokens.add(token);
    o.add("tokens", tokens);
    return o;
  }
}
