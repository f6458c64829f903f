package org.lmeval.plugin.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link WordToNumber} against word2number's own {@code w2n.word_to_num} (vectors in
 * {@code bbh_zeroshot_filters.json}, from {@code tools/tasks/gen_bbh_zeroshot_filters.py}): the text of its result,
 * or an error where it raises.
 */
class WordToNumberTest {
  @TestFactory
  Stream<DynamicTest> matchesWord2Number() throws IOException {
    JsonNode root;
    try (InputStream in = getClass().getResourceAsStream("fixtures/bbh_zeroshot_filters.json")) {
      root = new ObjectMapper().readTree(in);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode v : root.get("word_to_num")) {
      String input = v.get("input").asText();
      tests.add(DynamicTest.dynamicTest("'" + input + "'", () -> {
        if (v.has("error")) {
          assertThrows(IllegalArgumentException.class, () -> WordToNumber.wordToNum(input));
        } else {
          assertEquals(v.get("output").asText(), WordToNumber.wordToNum(input));
        }
      }));
    }
    assertFalse(tests.isEmpty());
    return tests.stream();
  }
}
