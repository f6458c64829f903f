package org.lmeval.plugin.http.tiktoken;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/**
 * Token ids, decoding and model-to-encoding choices equal Python tiktoken 0.14's (fixture written by
 * tools/tiktoken/gen_vectors.py, with the BPE files checked against tiktoken's own hashes).
 */
class TiktokenTokenizerTest {
  private static JsonNode vectors;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = TiktokenTokenizerTest.class.getResourceAsStream("/tiktoken/vectors.json")) {
      vectors = new ObjectMapper().readTree(in);
    }
  }

  /** A model whose encoding is {@code name}, from the fixture's model table. */
  private static String modelUsing(String name) {
    for (Iterator<Map.Entry<String, JsonNode>> it = vectors.get("models").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().asText().equals(name)) {
        return e.getKey();
      }
    }
    throw new IllegalStateException("no model uses " + name);
  }

  @Test
  void idsAndDecodingEqualPythonTiktoken() {
    int checked = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = vectors.get("encodings").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      try (TiktokenTokenizer t = TiktokenTokenizer.forModel(modelUsing(e.getKey()))) {
        assertEquals(e.getKey(), t.encodingName());
        for (JsonNode c : e.getValue()) {
          String text = c.get("text").asText();
          int[] expected = new int[c.get("ids").size()];
          for (int i = 0; i < expected.length; i++) {
            expected[i] = c.get("ids").get(i).asInt();
          }
          int[] ids = t.encode(List.of(text), true).get(0);
          assertArrayEquals(expected, ids, e.getKey() + ": '" + text + "'");
          assertEquals(text, t.decode(List.of(ids)).get(0));
          if (ids.length > 0) {
            int[] prefix = java.util.Arrays.copyOf(ids, Math.max(1, ids.length - 1));
            assertEquals(c.get("prefix_decoded").asText(), t.decode(List.of(prefix)).get(0),
                e.getKey() + ": a cut character decodes as tiktoken's replacement");
          }
          assertEquals(OptionalInt.of(c.get("eot").asInt()), t.eosTokenId());
          checked++;
        }
      }
    }
    assertEquals(4 * 14, checked);
  }

  @Test
  void modelsMapToTiktokensEncodings() {
    for (Iterator<Map.Entry<String, JsonNode>> it = vectors.get("models").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      assertEquals(e.getValue().asText(), TiktokenTokenizer.encodingName(e.getKey()), e.getKey());
    }
  }

  @Test
  void theSpecialTokensAreLmEvals() {
    TiktokenTokenizer t = TiktokenTokenizer.forModel("gpt-4");
    assertEquals(OptionalInt.empty(), t.bosTokenId());
    assertEquals("<|endoftext|>", t.eosToken().orElseThrow());
    assertEquals("<|endoftext|>", t.decode(List.of(new int[] {100257})).get(0));
  }

  @Test
  void badInputIsRefusedClearly() {
    EvalException unknown = assertThrows(EvalException.class, () -> TiktokenTokenizer.forModel("llama-3-8b"));
    assertEquals(ErrorCode.INVALID_ARGUMENT, unknown.code());
    assertTrue(unknown.getMessage().contains("maps no encoding to model 'llama-3-8b'")
        && unknown.getMessage().contains("tokenizer_backend=huggingface"), unknown.getMessage());
    EvalException harmony = assertThrows(EvalException.class, () -> TiktokenTokenizer.forModel("gpt-oss-20b"));
    assertTrue(harmony.getMessage().contains("o200k_harmony"), harmony.getMessage());
    assertThrows(EvalException.class, () -> TiktokenTokenizer.forModel(null));
    EvalException special = assertThrows(EvalException.class,
        () -> TiktokenTokenizer.forModel("gpt-4").encode(List.of("a <|endoftext|> b"), false));
    assertTrue(special.getMessage().contains("special token"), special.getMessage());
  }
}
