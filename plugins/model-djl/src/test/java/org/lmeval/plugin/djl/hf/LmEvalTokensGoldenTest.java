package org.lmeval.plugin.djl.hf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The token pairs lm-eval 0.4.13's HFLM builds (golden file from tools/golden_tokens.py: its own
 * TemplateLM.loglikelihood, _encode_pair, tok_encode and loglikelihood_rolling with transformers'
 * tokenizer) against RequestEncoder and RollingWindows on DJL's tokenizer, for add_bos_token unset and
 * false and max_length 512 and 20.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LmEvalTokensGoldenTest {
  private JsonObject golden;
  private HfTokenizer tokenizer;

  @BeforeAll
  void load() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/golden/lmeval-hf-tokens.json")) {
      golden = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
    }
    String property = System.getProperty("lmeval.shared.dir");
    Path shared = property != null && Files.isDirectory(Path.of(property)) ? Path.of(property) : Path.of("/work/shared");
    Path hf = shared.resolve("models/stories260K/hf");
    tokenizer = HfTokenizer.load(ModelFiles.read(hf, hf));
  }

  @AfterAll
  void close() {
    tokenizer.close();
  }

  private static int[] ints(JsonElement array) {
    JsonArray a = array.getAsJsonArray();
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).getAsInt();
    }
    return out;
  }

  @Test
  void tokenPairsMatchLmEval() {
    int checked = 0;
    for (JsonElement c : golden.getAsJsonArray("cases")) {
      JsonObject kase = c.getAsJsonObject();
      JsonElement bos = kase.get("add_bos_token");
      Optional<Boolean> addBos = bos.isJsonNull() ? Optional.empty() : Optional.of(bos.getAsBoolean());
      int maxLength = kase.get("max_length").getAsInt();
      int prefix = kase.get("prefix_token_id").getAsInt();
      assertEquals(prefix, tokenizer.bosTokenId().getAsInt());
      RequestEncoder encoder = new RequestEncoder(tokenizer, addBos, prefix);
      String label = "add_bos_token=" + bos + ", max_length=" + maxLength;

      for (JsonElement e : kase.getAsJsonArray("loglikelihood")) {
        JsonObject r = e.getAsJsonObject();
        JsonArray tokens = r.getAsJsonArray("tokens");
        TokenPair pair = encoder.encodePair(r.get("context").getAsString(), r.get("continuation").getAsString());
        String what = label + ", loglikelihood(" + r.get("context") + ", " + r.get("continuation") + ")";
        assertArrayEquals(ints(tokens.get(0)), pair.context(), what + " context");
        assertArrayEquals(ints(tokens.get(1)), pair.continuation(), what + " continuation");
        checked++;
      }
      for (JsonElement e : kase.getAsJsonArray("rolling")) {
        JsonObject r = e.getAsJsonObject();
        JsonArray windows = r.getAsJsonArray("windows");
        List<TokenPair> ours = RollingWindows.windows(encoder.encode(r.get("text").getAsString()), prefix, maxLength, 1);
        String what = label + ", loglikelihood_rolling(" + r.get("text").getAsString().length() + " chars)";
        assertEquals(windows.size(), ours.size(), what + " window count");
        for (int w = 0; w < ours.size(); w++) {
          JsonArray window = windows.get(w).getAsJsonArray();
          assertArrayEquals(ints(window.get(0)), ours.get(w).context(), what + " window " + w + " context");
          assertArrayEquals(ints(window.get(1)), ours.get(w).continuation(), what + " window " + w + " prediction");
        }
        checked++;
      }
      for (JsonElement e : kase.getAsJsonArray("tok_encode")) {
        JsonObject r = e.getAsJsonObject();
        assertArrayEquals(ints(r.get("tokens")), encoder.encode(r.get("text").getAsString()),
            label + ", tok_encode(" + r.get("text") + ")");
        checked++;
      }
      for (JsonElement e : kase.getAsJsonArray("tok_decode")) {
        JsonObject r = e.getAsJsonObject();
        assertEquals(r.get("text").getAsString(), tokenizer.decode(ints(r.get("tokens")), true),
            label + ", tok_decode(" + r.get("tokens") + ")");
        checked++;
      }
    }
    assertTrue(checked >= 70, "golden cases checked: " + checked);
  }
}
