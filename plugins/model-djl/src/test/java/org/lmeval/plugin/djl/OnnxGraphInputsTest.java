package org.lmeval.plugin.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.Options;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;

/**
 * A merged-decoder style ONNX graph that declares past_key_values.* and use_cache_branch: the backend feeds
 * an empty cache and the no-cache branch, and scores with the logits output; the tokenizer is a word-level
 * one with no special tokens (prefix_token_id given).
 */
class OnnxGraphInputsTest {
  private static final String[] WORDS = {"a", "b", "c", "d", "e", "f", "g", "h"};

  @TempDir
  Path dir;

  private LanguageModel open(Object batchSize) throws IOException {
    return open(Map.of("pretrained", dir.toString(), "prefix_token_id", 0, "batch_size", batchSize));
  }

  private LanguageModel open(Map<String, Object> args) throws IOException {
    Files.write(dir.resolve("model.onnx"), OnnxGraphs.successorWithPast(WORDS.length, 2, 4));
    Files.writeString(dir.resolve("config.json"), "{\"num_attention_heads\": 2, \"num_key_value_heads\": 2,"
        + " \"hidden_size\": 8, \"max_position_embeddings\": 16}");
    StringBuilder vocab = new StringBuilder("{");
    for (int i = 0; i < WORDS.length; i++) {
      vocab.append(i == 0 ? "" : ", ").append('"').append(WORDS[i]).append("\": ").append(i);
    }
    vocab.append('}');
    Files.writeString(dir.resolve("tokenizer.json"), "{\"version\": \"1.0\", \"truncation\": null, \"padding\": null,"
        + " \"added_tokens\": [], \"normalizer\": null, \"pre_tokenizer\": {\"type\": \"WhitespaceSplit\"},"
        + " \"post_processor\": null, \"decoder\": null,"
        + " \"model\": {\"type\": \"WordLevel\", \"vocab\": " + vocab + ", \"unk_token\": \"a\"}}");
    return new DjlModelBackend().open(Options.of("model arg", args));
  }

  @Test
  void feedsAnEmptyCacheAndScoresTheLogits() throws IOException {
    double successor = 3 - Math.log(Math.exp(3) + WORDS.length - 1);
    double other = -Math.log(Math.exp(3) + WORDS.length - 1);
    for (Object batchSize : List.of(1, 4)) {
      try (LanguageModel m = open(batchSize)) {
        List<LoglikelihoodResult> r = m.loglikelihood(List.of(
            new LoglikelihoodRequest("a", " b c"),
            new LoglikelihoodRequest("a b c", " e"),
            new LoglikelihoodRequest("", "c d")));
        assertEquals(2 * successor, r.get(0).logprob(), 1e-6);
        assertTrue(r.get(0).greedy());
        assertEquals(other, r.get(1).logprob(), 1e-6);
        assertFalse(r.get(1).greedy());
        assertEquals(other + successor, r.get(2).logprob(), 1e-6, "empty context: prefix token 'a' then c, d");
        List<String> gen = m.generateUntil(List.of(new GenerationRequest("e f",
            new GenerationParams(List.of(), OptionalInt.of(3), false, OptionalDouble.empty(), Map.of()))));
        assertEquals("g h a", gen.get(0));
        String cache = ((DjlCausalLm) ((org.lmeval.plugin.djl.hf.HfLanguageModel) m).causalLm()).kvCacheStatus();
        assertTrue(cache.startsWith("unused (the graph takes past_key_values but not both"), cache);
      }
    }
  }

  @Test
  void feedsInt32TokensWhenTheGraphWantsThem() throws IOException {
    open(1).close();
    Files.write(dir.resolve("model.onnx"), OnnxGraphs.successorInt32(WORDS.length));
    try (LanguageModel m = new DjlModelBackend().open(Options.of("model arg",
        Map.of("pretrained", dir.toString(), "prefix_token_id", 0)))) {
      LoglikelihoodResult r = m.loglikelihood(List.of(new LoglikelihoodRequest("c", " d e"))).get(0);
      assertEquals(2 * (3 - Math.log(Math.exp(3) + WORDS.length - 1)), r.logprob(), 1e-6);
      assertTrue(r.greedy());
    }
  }

  @Test
  void addBosTokenPrependsBosEvenWithoutAPostProcessor() throws IOException {
    double successor = 3 - Math.log(Math.exp(3) + WORDS.length - 1);
    double other = -Math.log(Math.exp(3) + WORDS.length - 1);
    open(1).close();
    Files.writeString(dir.resolve("tokenizer_config.json"), "{\"bos_token\": \"h\"}");
    try (LanguageModel plain = open(Map.of("pretrained", dir.toString()));
        LanguageModel withBos = open(Map.of("pretrained", dir.toString(), "add_bos_token", true))) {
      // prefix = BOS 'h' (7); T = [b, c] or [h, b, c]
      assertEquals(other + successor,
          plain.loglikelihoodRolling(List.of(new org.lmeval.api.model.RollingRequest("b c"))).get(0).logprob(), 1e-6);
      assertEquals(other + other + successor,
          withBos.loglikelihoodRolling(List.of(new org.lmeval.api.model.RollingRequest("b c"))).get(0).logprob(), 1e-6);
    }
  }
}
