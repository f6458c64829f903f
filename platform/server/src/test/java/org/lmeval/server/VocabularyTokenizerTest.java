package org.lmeval.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VocabularyTokenizerTest {
  /** The shared folder: {@code lmeval.shared.dir} when it exists, else /work/shared. */
  static Path shared() {
    String p = System.getProperty("lmeval.shared.dir");
    return p != null && Files.isDirectory(Path.of(p)) ? Path.of(p) : Path.of("/work/shared");
  }

  static final Path STORIES = shared().resolve("models/stories260K/hf");

  @Test
  void readsLlamaIdsAsTheTokenizerDecodesThem() {
    VocabularyTokenizer t = VocabularyTokenizer.load(STORIES);
    // the reference ids of models/README.md (with BOS)
    List<Integer> ids = List.of(1, 403, 407, 261, 378, 432, 383, 286, 261, 376, 298, 315, 421, 395, 317, 426);
    List<ServerTokenizer.Token> tokens = ids.stream().map(t::token).toList();
    assertEquals("Once upon a time, there was a little girl named Lily.", t.modelText(tokens));
    assertTrue(tokens.get(0).special());
    assertEquals("<s>", t.bosText());
    assertEquals("</s>", t.specialText());
    assertEquals(512, t.size());
    // the first word loses its SentencePiece space, the others keep it
    List<String> pieces = t.modelPieces(tokens);
    assertEquals("", pieces.get(0));
    assertEquals("Once", pieces.get(1));
    assertEquals(" upon", pieces.get(2));
  }

  @Test
  void byteFallbackTokensMakeOneCharacterOnTheLastByte() {
    VocabularyTokenizer t = VocabularyTokenizer.load(STORIES);
    // "’" is E2 80 99; byte <0xNN> has id NN + 3
    List<ServerTokenizer.Token> tokens = new ArrayList<>();
    tokens.add(t.token(261)); // "▁a"
    for (int b : new int[] {0xE2, 0x80, 0x99}) {
      tokens.add(t.token(b + 3));
    }
    assertEquals(List.of("a", "", "", "\u2019"), t.modelPieces(tokens));
  }

  @Test
  void encodingSplitsTextIntoPiecesThatConcatenateToIt() {
    VocabularyTokenizer t = VocabularyTokenizer.load(STORIES);
    String text = " the cat sat.\nZ\u00e9!</s>x";
    List<ServerTokenizer.Token> tokens = t.encode(text);
    StringBuilder sb = new StringBuilder();
    tokens.forEach(k -> sb.append(k.text()));
    assertEquals(text, sb.toString());
    assertEquals(265, tokens.get(0).id()); // "▁the"
    assertTrue(tokens.stream().anyMatch(k -> k.special() && k.text().equals("</s>")));
  }

  @Test
  void readsByteLevelVocabularies() {
    Map<String, Object> json = Map.of("model", Map.of("type", "BPE", "vocab",
            Map.of("\u0120the", 0, "cat", 1, "\u00c3", 2, "\u00a9", 3, "<|endoftext|>", 4)),
        "added_tokens", List.of(Map.of("id", 4, "content", "<|endoftext|>", "special", true)),
        "decoder", Map.of("type", "ByteLevel"));
    VocabularyTokenizer t = VocabularyTokenizer.of(json, Map.of(), "gpt2-like");
    assertEquals(" thecat\u00e9", t.modelText(List.of(t.token(0), t.token(1), t.token(2), t.token(3))));
    assertEquals(4, t.specialId());
  }

  @Test
  void unknownIdsAndMissingFilesAreClearErrors() {
    VocabularyTokenizer t = VocabularyTokenizer.load(STORIES);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> t.token(512)).getMessage().contains("512"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerTokenizer.named("/nope"))
        .getMessage().contains("tokenizer not found: /nope/tokenizer.json".substring(0, 20)));
  }
}
