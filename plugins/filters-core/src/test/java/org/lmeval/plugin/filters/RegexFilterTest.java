package org.lmeval.plugin.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegexFilterTest {
  @Test
  void gsm8kStrictMatch() {
    assertEquals(List.of(List.of("1,234.", "[invalid]")),
        Steps.apply(Steps.step("regex"), List.of(List.of("so\n#### 1,234.", "no number"))));
  }

  @Test
  void gsm8kFlexibleExtractTakesTheLastMatchAndItsNonEmptyGroup() {
    var f = Steps.step("regex", Map.of("regex_pattern", "(-?[$0-9.,]{2,})|(-?[0-9]+)", "group_select", -1));
    assertEquals(List.of(List.of("$18.", "7")), Steps.apply(f, List.of(List.of("pay 12 or $18.", "x 7"))));
  }

  @Test
  void pythonDollarDoesNotMatchBeforeACarriageReturn() {
    var f = Steps.step("regex", Map.of("regex_pattern", "(\\d+)$"));
    assertEquals(List.of(List.of("12", "[invalid]")), Steps.apply(f, List.of(List.of("12\n", "12\r"))));
  }

  @Test
  void unicodeDigitsAndWhitespaceAsInPython() {
    var digits = Steps.step("regex", Map.of("regex_pattern", "(\\d+)"));
    assertEquals(List.of(List.of("١٢")), Steps.apply(digits, List.of(List.of("x ١٢"))));
    var space = Steps.step("regex", Map.of("regex_pattern", "a(\\s)b"));
    assertEquals(List.of(List.of("[invalid]")), Steps.apply(space, List.of(List.of("a\u200bb"))));
  }

  @Test
  void groupSelectBeyondTheMatchesGivesTheFallback() {
    var f = Steps.step("regex", Map.of("regex_pattern", "(\\d)", "group_select", 3, "fallback", "none"));
    assertEquals(List.of(List.of("none")), Steps.apply(f, List.of(List.of("1 2"))));
  }

  @Test
  void nonStringResponsesAreSearchedAsEmpty() {
    var f = Steps.step("regex", Map.of("regex_pattern", "(x*)"));
    assertEquals(List.of(List.of("")), Steps.apply(f, List.of(Arrays.asList((Object) null))));
  }
}
