package org.lmeval.plugin.djl.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.model.RollingRequest;

/** max_length and prefix_token_id resolution as lm-eval's HFLM does it, on a word-level tokenizer. */
class HfLanguageModelSetupTest {
  @TempDir
  Path dir;

  private HfLanguageModel open(String config, String tokenizerConfig, Object... args) throws IOException {
    Files.writeString(dir.resolve("tokenizer.json"), "{\"version\": \"1.0\", \"added_tokens\": [], \"normalizer\": null,"
        + " \"pre_tokenizer\": {\"type\": \"WhitespaceSplit\"}, \"post_processor\": null, \"decoder\": null,"
        + " \"model\": {\"type\": \"WordLevel\", \"vocab\": {\"a\": 0, \"b\": 1, \"c\": 2, \"d\": 3, \"e\": 4,"
        + " \"f\": 5, \"g\": 6, \"h\": 7}, \"unk_token\": \"a\"}}");
    Files.writeString(dir.resolve("config.json"), config);
    Files.writeString(dir.resolve("tokenizer_config.json"), tokenizerConfig);
    Map<String, Object> map = new HashMap<>();
    map.put("pretrained", dir.toString());
    for (int i = 0; i < args.length; i += 2) {
      map.put((String) args[i], args[i + 1]);
    }
    HfModelArgs parsed = HfModelArgs.parse(Options.of("model arg", map));
    return HfLanguageModel.create(parsed, ModelFiles.read(dir, dir), new TokenScorerTest.SuccessorLm());
  }

  @Test
  void maxLengthComesFromConfigThenTokenizerThen2048() throws IOException {
    String eos = "{\"eos_token\": \"h\"}";
    assertEquals(100, open("{\"n_positions\": 100, \"max_position_embeddings\": 50}", eos).maxLength());
    assertEquals(50, open("{\"max_position_embeddings\": 50, \"n_ctx\": 30}", eos).maxLength());
    assertEquals(30, open("{\"n_ctx\": 30}", "{\"eos_token\": \"h\", \"model_max_length\": 64}").maxLength());
    assertEquals(40, open("{\"n_ctx\": 30, \"text_config\": {\"max_position_embeddings\": 40}}", eos).maxLength());
    assertEquals(64, open("{}", "{\"eos_token\": \"h\", \"model_max_length\": 64}").maxLength());
    assertEquals(2048, open("{}", "{\"eos_token\": \"h\", \"model_max_length\": 1000000000000000019884624838656}")
        .maxLength());
    assertEquals(12, open("{\"n_positions\": 100}", eos, "max_length", 12).maxLength());
  }

  @Test
  void prefixTokenIsTheArgThenBosThenEos() throws IOException {
    // rolling("c"): T = [c], one window predicting c from the prefix token; the successor model favours
    // (prefix + 1) mod 8, so the score tells which prefix was used.
    double hit = 3 - Math.log(Math.exp(3) + 7);
    double miss = -Math.log(Math.exp(3) + 7);
    assertEquals(hit, rolling(open("{}", "{\"bos_token\": \"b\", \"eos_token\": \"h\"}")), 1e-9, "BOS b -> c");
    assertEquals(miss, rolling(open("{}", "{\"eos_token\": \"h\"}")), 1e-9, "EOS h -> a");
    assertEquals(hit, rolling(open("{}", "{\"eos_token\": \"h\"}", "prefix_token_id", 1)), 1e-9, "arg 1 (b) -> c");
    EvalException none = assertThrows(EvalException.class, () -> open("{}", "{\"unk_token\": \"a\"}"));
    assertTrue(none.getMessage().contains("prefix_token_id"), none.getMessage());
  }

  private static double rolling(HfLanguageModel m) {
    return m.loglikelihoodRolling(List.of(new RollingRequest("c"))).get(0).logprob();
  }
}
