package org.lmeval.plugin.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.filter.Filter;

class MultiChoiceRegexFilterTest {
  private static final Map<String, Object> DOC = Map.of("choices", List.of("Paris", "London", "Guilty", "Guilty of Romance"));

  private static Object run(Filter f, String response) {
    List<Map<String, Object>> docs = List.of(DOC);
    return f.apply(new ArrayList<>(List.of(List.of(response))), docs).get(0);
  }

  @Test
  void threeSteps() {
    Filter f = Steps.step("multi_choice_regex", Map.of("regex_pattern", "(\\([A-Z]\\))", "ignore_case", true));
    assertEquals(List.of("(C)"), run(f, "It is (C) for sure"));
    assertEquals(List.of("(B)"), run(f, "i would say london"));
    assertEquals(List.of("(D)"), run(f, "GUILTY OF ROMANCE")); // the longer choice is tried first
    assertEquals(List.of("(A)"), run(f, "Answer: A"));
    assertEquals(List.of("[invalid]"), run(f, "no idea"));
  }

  @Test
  void documentsNeedChoices() {
    Filter f = Steps.step("multi_choice_regex");
    EvalException e = assertThrows(EvalException.class,
        () -> f.apply(new ArrayList<>(List.of(List.of("x"))), List.of(Map.of("question", "q"))));
    assertEquals(ErrorCode.INVALID_TASK, e.code());
  }
}
