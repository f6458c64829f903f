package org.lmeval.cli.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmeval.cli.Fixtures;

/** --seed against lm-eval 0.4.13's _int_or_none_list_arg_type, and the config-file form. */
class SeedsTest {
  static Stream<Arguments> vectors() {
    List<Arguments> cases = new ArrayList<>();
    Fixtures.cli().get("seed").forEach(c -> cases.add(Arguments.of(c.get("text").asText(), c)));
    return cases.stream();
  }

  @ParameterizedTest(name = "--seed ''{0}''")
  @MethodSource("vectors")
  void flagMatchesLmEval(String text, JsonNode expected) {
    if (expected.has("error")) {
      assertThrows(ArgumentException.class, () -> Seeds.parseFlag(text, w -> { }));
    } else {
      List<Integer> want = new ArrayList<>();
      expected.get("result").forEach(n -> want.add(n.isNull() ? null : n.asInt()));
      assertEquals(want, Seeds.parseFlag(text, w -> { }).values());
    }
  }

  @Test
  void threeValuesWarnAndTakeTheDefaultFewshotSeed() {
    List<String> warnings = new ArrayList<>();
    assertEquals(Arrays.asList(1, 2, 3, 1234), Seeds.parseFlag("1,2,3", warnings::add).values());
    assertEquals(1, warnings.size());
  }

  @Test
  void configValues() {
    assertEquals(Arrays.asList(42, 42, 42, 42), Seeds.fromConfig(42, "seed", w -> { }).values());
    assertEquals(Arrays.asList(1, null, 3, 4), Seeds.fromConfig(Arrays.asList(1, null, "3", 4), "seed", w -> { })
        .values());
    assertEquals(Arrays.asList(1, 2, 3, 1234), Seeds.fromConfig(List.of(1, 2, 3), "seed", w -> { }).values());
    ArgumentException e = assertThrows(ArgumentException.class,
        () -> Seeds.fromConfig(List.of(1, 2), "seed", w -> { }));
    assertTrue(e.getMessage().contains("seed expects a single value or 4 values"), e.getMessage());
    assertThrows(ArgumentException.class, () -> Seeds.fromConfig("abc", "seed", w -> { }));
  }

  @Test
  void theDefaultIsLmEvals() {
    assertEquals(Arrays.asList(0, 1234, 1234, 1234), Seeds.DEFAULT.values());
    assertEquals(0, Seeds.DEFAULT.random());
    assertEquals(1234, Seeds.DEFAULT.fewshot());
  }
}
