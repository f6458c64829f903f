package org.lmeval.plugin.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * {@code tools/metrics/gen_fixtures.py}) and of {@code bbh_zeroshot_filters.json} (the bbh zero-shot families'
 * filter sets with lm-eval's own {@code utils.py} classes, see {@code tools/tasks/gen_bbh_zeroshot_filters.py})
 * through this plugin's filters and compares the outputs exactly; where lm-eval's filter raised, ours must too.
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
    return cases("fixtures/filters.json");
  }

  @TestFactory
  Stream<DynamicTest> bbhZeroshotFilterSetsMatchLmEval() throws IOException {
    return cases("fixtures/bbh_zeroshot_filters.json");
  }

  @TestFactory
  Stream<DynamicTest> bbhZeroshotFiltersRaiseWhereLmEvalRaises() throws IOException {
    JsonNode root = read("fixtures/bbh_zeroshot_filters.json");
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode r : root.get("raises")) {
      String task = r.get("task").asText();
      String family = task.startsWith("bbh_cot_zeroshot_") ? "bbh.cot_zeroshot" : "bbh.zeroshot";
      tests.add(DynamicTest.dynamicTest(task + " " + r.get("resp").asText(), () -> {
        FilterFactory f = FACTORIES.get(family + ".utils.NumberParseRegexFilter");
        assertEquals("flexible-extract", r.get("filter").asText());
        Filter filter = f.create(Options.of("filter kwarg", Map.of("regex_pattern", "([-0-9]+)")));
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = JSON.convertValue(r.get("doc"), Map.class);
        org.lmeval.api.EvalException e = org.junit.jupiter.api.Assertions.assertThrows(
            org.lmeval.api.EvalException.class,
            () -> filter.apply(List.of(List.of(r.get("resp").asText())), List.of(doc)));
        assertTrue(e.getMessage().contains("cannot read the number words"), e.getMessage());
      }));
    }
    assertFalse(tests.isEmpty());
    return tests.stream();
  }

  private Stream<DynamicTest> cases(String resource) throws IOException {
    JsonNode root = read(resource);
    List<DynamicTest> tests = new ArrayList<>();
    int i = 0;
    for (JsonNode c : root.get("cases")) {
      int index = i++;
      tests.add(DynamicTest.dynamicTest("#" + index + " " + c.get("note").asText(), () -> run(c)));
    }
    assertFalse(tests.isEmpty());
    return tests.stream();
  }

  private JsonNode read(String resource) throws IOException {
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      return JSON.readTree(in);
    }
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
