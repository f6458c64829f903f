package org.lmeval.cli.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmeval.cli.Fixtures;

/** Rule P1 against lm-eval 0.4.13's MergeDictAction on the vectors of tools/cli/gen_cli_vectors.py. */
class KeyValueArgsTest {
  static Stream<Arguments> vectors() {
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode c : Fixtures.cli().get("merge_dict")) {
      List<List<String>> occurrences = new ArrayList<>();
      for (JsonNode occ : c.get("occurrences")) {
        List<String> tokens = new ArrayList<>();
        occ.forEach(t -> tokens.add(t.asText()));
        occurrences.add(tokens);
      }
      cases.add(Arguments.of(occurrences.toString(), occurrences, c));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void matchesLmEval(String name, List<List<String>> occurrences, JsonNode expected) {
    if (expected.has("error")) {
      assertThrows(ArgumentException.class, () -> KeyValueArgs.mergeAll("--x", occurrences, w -> { }),
          "lm-eval rejects " + occurrences + " (" + expected.get("error").asText() + ")");
    } else {
      Map<String, Object> actual = KeyValueArgs.mergeAll("--x", occurrences, w -> { });
      assertEquals(Fixtures.normalized(expected.get("result")), Fixtures.tagged(actual));
    }
  }

  @Test
  void vectorsCoverTheTrickyCases() {
    assertTrue(Fixtures.cli().get("merge_dict").size() >= 70);
  }

  @Test
  void splitsOnlyOnTopLevelCommas() {
    assertEquals(List.of("a=[1,2]", "b={'c': (3,4)}", "d='x,y'"),
        KeyValueArgs.splitTopLevel("a=[1,2],b={'c': (3,4)},d='x,y'"));
    assertEquals(List.of("a=1", "b=2"), KeyValueArgs.splitTopLevel(",a=1,,b=2,"));
    assertEquals(List.of("x=it's,y=2"), KeyValueArgs.splitTopLevel("x=it's,y=2"));
    assertEquals(List.of("a=]", "b=1"), KeyValueArgs.splitTopLevel("a=],b=1"));
  }

  @Test
  void repeatedKeysWarnAndLaterWins() {
    List<String> warnings = new ArrayList<>();
    Map<String, Object> result = KeyValueArgs.mergeAll("--model_args", List.of(List.of("a=1"), List.of("a=x")),
        warnings::add);
    assertEquals(Map.of("a", "x"), result);
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("--model_args: Overwriting a: 1 -> x"), warnings.get(0));
  }

  @Test
  void errorsNameTheFlagAndTheItem() {
    ArgumentException e = assertThrows(ArgumentException.class,
        () -> KeyValueArgs.mergeAll("--gen_kwargs", List.of(List.of("temperature")), w -> { }));
    assertEquals("argument --gen_kwargs: expected `key=value`, got 'temperature'", e.getMessage());
    e = assertThrows(ArgumentException.class,
        () -> KeyValueArgs.mergeAll("--model_args", List.of(List.of("{pretrained: x}")), w -> { }));
    assertTrue(e.getMessage().startsWith("argument --model_args: invalid JSON: {pretrained: x}. Hint: use double"),
        e.getMessage());
  }

  @Test
  void coercionOrderIsBoolThenIsNumericThenFloatThenLiteral() {
    assertEquals(Boolean.TRUE, KeyValueArgs.coerce("--x", "k", "TRUE"));
    assertEquals(12, KeyValueArgs.coerce("--x", "k", "12"));
    assertEquals(-12.0, KeyValueArgs.coerce("--x", "k", "-12"));
    assertEquals(List.of("\n\n"), KeyValueArgs.coerce("--x", "k", "['\\n\\n']"));
    assertEquals("gpt2", KeyValueArgs.coerce("--x", "k", "gpt2"));
    assertEquals(null, KeyValueArgs.coerce("--x", "k", "None"));
  }
}
