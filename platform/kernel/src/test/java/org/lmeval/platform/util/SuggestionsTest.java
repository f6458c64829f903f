package org.lmeval.platform.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  @Test
  void typosGetTheClosestNames() {
    List<String> names = List.of("dummy", "djl", "tensorflow", "local-completions");
    assertEquals(List.of("dummy"), Suggestions.closest("dumy", names, 3));
    assertEquals("; did you mean 'tensorflow'?", Suggestions.didYouMean("tensorflw", names));
    assertEquals(List.of("local-completions"), Suggestions.closest("local-completion", names, 3));
  }

  @Test
  void farOffNamesListTheValidOnes() {
    String msg = Suggestions.didYouMean("zzzzzz", List.of("b", "a"));
    assertEquals("; valid names: a, b", msg);
    assertTrue(Suggestions.didYouMean("x", List.of()).isEmpty());
  }
}
