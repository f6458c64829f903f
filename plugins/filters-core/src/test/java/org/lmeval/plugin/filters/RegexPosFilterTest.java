package org.lmeval.plugin.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegexPosFilterTest {
  @Test
  void tagsOrFallback() {
    assertEquals(List.of(List.of(List.of("DET", "NOUN"), List.of("invalid"))), Steps.apply(Steps.step("regex_pos"),
        List.of(List.of("[('The', 'DET'), ('cat', 'NOUN')]", "nothing"))));
  }
}
