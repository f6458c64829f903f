package org.lmeval.cli.args;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmeval.cli.Fixtures;

/** Rule P2 against lm-eval 0.4.13's simple_parse_args_string. */
class SimpleArgsTest {
  static Stream<Arguments> vectors() {
    List<Arguments> cases = new ArrayList<>();
    Fixtures.cli().get("simple_parse_args_string").forEach(c -> cases.add(Arguments.of(c.get("text").asText(), c)));
    return cases.stream();
  }

  @ParameterizedTest(name = "''{0}''")
  @MethodSource("vectors")
  void matchesLmEval(String text, JsonNode expected) {
    assertEquals(Fixtures.normalized(expected.get("result")), Fixtures.tagged(SimpleArgs.parse(text)));
  }
}
