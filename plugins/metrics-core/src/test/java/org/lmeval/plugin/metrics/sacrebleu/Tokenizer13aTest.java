package org.lmeval.plugin.metrics.sacrebleu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lmeval.plugin.metrics.Fixtures;

class Tokenizer13aTest {
  @Test
  void matchesSacrebleu() {
    Tokenizer13a tokenizer = new Tokenizer13a();
    int n = 0;
    for (JsonNode c : Fixtures.load("sacrebleu.json").get("tokenizers")) {
      String line = c.get("line").asText();
      assertEquals(c.get("13a").asText(), tokenizer.apply(line), () -> "13a of " + line);
      n++;
    }
    assertTrue(n > 100);
  }

  @Test
  void publishedBehaviour() {
    Tokenizer13a tokenizer = new Tokenizer13a();
    assertEquals("It's 3.5 , isn't it ?", tokenizer.apply("It's 3.5, isn't it?"));
    assertEquals("a & b \" c", tokenizer.apply("a &amp; b &quot; c"));
  }
}
