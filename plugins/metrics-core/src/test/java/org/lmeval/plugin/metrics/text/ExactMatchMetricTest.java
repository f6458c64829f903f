package org.lmeval.plugin.metrics.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.plugin.metrics.Fixtures;
import org.lmeval.plugin.metrics.TestSample;

class ExactMatchMetricTest {
  @Test
  void generationMatchesLmEval() {
    int n = 0;
    for (JsonNode c : Fixtures.load("generate_until.json").get("exact_match")) {
      ExactMatchMetric metric = ExactMatchMetric.create(Options.of("metric kwarg", Fixtures.map(c.get("kwargs"))));
      TestSample s = TestSample.generation(Fixtures.plain(c.get("target")), Fixtures.plain(c.get("response")));
      double expected = c.get("expected").get("exact_match").asDouble();
      assertEquals(expected, metric.score(s).value(), () -> "exact_match " + c);
      n++;
    }
    assertTrue(n > 1000);
  }

  @Test
  void multipleChoiceIsGreedyOfGoldWhateverTheKwargs() {
    ExactMatchMetric metric = ExactMatchMetric.create(Options.of("metric kwarg", Map.of("ignore_case", true)));
    TestSample s = TestSample.multipleChoice(List.of("a", "b"), new double[] {-1, -2}, new boolean[] {false, true},
        null, 1);
    assertEquals(1.0, metric.score(s).value());
  }

  @Test
  void gsm8kSettingsReduceTheGoldSolutionToItsNumber() {
    Map<String, Object> kwargs = Map.of("ignore_case", true, "ignore_punctuation", false,
        "regexes_to_ignore", List.of(",", "\\$", "(?s).*#### ", "\\.$"));
    ExactMatchMetric metric = ExactMatchMetric.create(Options.of("metric kwarg", kwargs));
    String gold = "She has 3 + 4 = <<3+4=7>>7 apples.\n#### 1,007";
    assertEquals(1.0, metric.score(TestSample.generation(gold, "1007")).value());
    assertEquals(1.0, metric.score(TestSample.generation(gold, "$1,007.")).value());
    assertEquals(0.0, metric.score(TestSample.generation(gold, "1008")).value());
  }

  @Test
  void badKwargsNameTheMetricAndKey() {
    EvalException unknown = assertThrows(EvalException.class,
        () -> ExactMatchMetric.create(Options.of("metric kwarg", Map.of("ignore_cases", true))));
    assertEquals(ErrorCode.INVALID_ARGUMENT, unknown.code());
    assertTrue(unknown.getMessage().contains("ignore_cases"), unknown.getMessage());
    EvalException type = assertThrows(EvalException.class,
        () -> ExactMatchMetric.create(Options.of("metric kwarg", Map.of("ignore_case", "yes"))));
    assertTrue(type.getMessage().contains("'exact_match'") && type.getMessage().contains("ignore_case"));
    EvalException regex = assertThrows(EvalException.class,
        () -> ExactMatchMetric.create(Options.of("metric kwarg", Map.of("regexes_to_ignore", List.of("(")))));
    assertEquals(ErrorCode.INVALID_ARGUMENT, regex.code());
    EvalException notList = assertThrows(EvalException.class,
        () -> ExactMatchMetric.create(Options.of("metric kwarg", Map.of("regexes_to_ignore", ","))));
    assertEquals(ErrorCode.INVALID_ARGUMENT, notList.code());
  }
}
