package org.lmeval.plugin.metrics.sacrebleu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lmeval.plugin.metrics.Fixtures;

class TokenizerIntlTest {
  @Test
  void matchesSacrebleu() {
    TokenizerIntl tokenizer = new TokenizerIntl();
    for (JsonNode c : Fixtures.load("sacrebleu.json").get("tokenizers")) {
      String line = c.get("line").asText();
      assertEquals(c.get("intl").asText(), tokenizer.apply(line), () -> "intl of " + line);
    }
  }
}
