package org.lmeval.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lmeval.api.EvalException;

class TokenizerChatTemplatesTest {
  private static final List<Map<String, String>> NAMED = List.of(Map.of("name", "default", "template", "D"),
      Map.of("name", "tool_use", "template", "T"));

  @Test
  void aSingleTemplateIsUsedWhateverTheName() {
    assertEquals(Optional.of("X"), TokenizerChatTemplates.select("X", ""));
    assertEquals(Optional.of("X"), TokenizerChatTemplates.select("X", "tool_use"));
    assertEquals(Optional.empty(), TokenizerChatTemplates.select(null, "x"));
  }

  @Test
  void namedTemplatesAreSelectedByNameElseDefault() {
    assertEquals(Optional.of("D"), TokenizerChatTemplates.select(NAMED, null));
    assertEquals(Optional.of("T"), TokenizerChatTemplates.select(NAMED, "tool_use"));
    EvalException e = assertThrows(EvalException.class, () -> TokenizerChatTemplates.select(NAMED, "rag"));
    assertTrue(e.getMessage().contains("'rag' is not available. Available template names are [default, tool_use]"),
        e.getMessage());
    e = assertThrows(EvalException.class, () -> TokenizerChatTemplates.select(NAMED.subList(1, 2), ""));
    assertTrue(e.getMessage().contains("no default specified"), e.getMessage());
  }
}
