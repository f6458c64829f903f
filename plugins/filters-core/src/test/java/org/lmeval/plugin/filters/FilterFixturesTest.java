package org.lmeval.plugin.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lmeval.api.Options;
import org.lmeval.api.filter.Filter;
import org.lmeval.api.filter.FilterFactory;

/**
 * Runs every pipeline of {@code filters.json} (lm-eval 0.4.13's filter classes applied in sequence, see
 * {@code tools/metrics/gen_fixtures.py}) through this plugin's filters and compares the outputs exactly.
 */
class FilterFixturesTest {
  private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
  private static final Map<String, FilterFactory> FACTORIES = new HashMap<>();

  static {
    for (FilterFactory f : new FiltersPlugin().filters()) {
      FACTORIES.put(f.name(), f);
    }
  }

  @TestFactory
  Stream<DynamicTest> pipelinesMatchLmEval() throws IOException {
    JsonNode root;
    try (InputStream in = getClass().getResourceAsStream("fixtures/filters.json")) {
      root = JSON.readTree(in);
    }
    List<DynamicTest> tests = new ArrayList<>();
    int i = 0;
    for (JsonNode c : root.get("cases")) {
      int index = i++;
      tests.add(DynamicTest.dynamicTest("#" + index + " " + c.get("note").asText(), () -> run(c)));
    }
    assertFalse(tests.isEmpty());
    return tests.stream();
  }

  @SuppressWarnings("unchecked")
  private static void run(JsonNode c) {
    List<Object> responses = JSON.convertValue(c.get("resps"), List.class);
    List<Map<String, Object>> docs = JSON.convertValue(c.get("docs"), List.class);
    for (JsonNode step : c.get("steps")) {
      FilterFactory factory = FACTORIES.get(step.get("function").asText());
      Filter filter = factory.create(Options.of("filter kwarg", JSON.convertValue(step.get("kwargs"), Map.class)));
      responses = filter.apply(responses, docs);
    }
    Object expected = JSON.convertValue(c.get("expected"), List.class);
    assertEquals(expected, responses, () -> c.get("note").asText() + " on " + c.get("resps"));
  }
}
