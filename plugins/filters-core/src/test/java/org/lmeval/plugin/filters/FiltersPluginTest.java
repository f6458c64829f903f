package org.lmeval.plugin.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Plugin;
import org.lmeval.api.filter.FilterFactory;

/** The registered filter names (Trino's TestExamplePlugin style) and the kwarg checks every filter makes. */
class FiltersPluginTest {
  @Test
  void registeredNames() {
    // lm-eval 0.4.13 registers these plus 'custom' (a Python callable) and 'format_span' (a task-specific one)
    Set<String> expected = new TreeSet<>(List.of("take_first", "take_first_k", "majority_vote", "regex", "regex_pos",
        "multi_choice_regex", "remove_whitespace", "lowercase", "uppercase", "map"));
    // and the classes of bbh/zeroshot/utils.py and bbh/cot_zeroshot/utils.py, by the dotted names of !function
    for (String folder : List.of("bbh.zeroshot", "bbh.cot_zeroshot")) {
      for (String cls : List.of("MapRegexFilter", "NumberParseRegexFilter", "WordSortFilter", "MultiChoiceRegexFilter")) {
        expected.add(folder + ".utils." + cls);
      }
    }
    Set<String> actual = new TreeSet<>();
    for (FilterFactory f : new FiltersPlugin().filters()) {
      assertTrue(actual.add(f.name()), "duplicate " + f.name());
    }
    assertEquals(expected, actual);
  }

  @Test
  void discoverableThroughTheServiceFile() {
    boolean found = false;
    for (Plugin p : ServiceLoader.load(Plugin.class, getClass().getClassLoader())) {
      found |= p instanceof FiltersPlugin;
    }
    assertTrue(found, "META-INF/services/org.lmeval.api.Plugin must list FiltersPlugin");
  }

  @Test
  void unknownKwargNamesFilterAndKey() {
    for (FilterFactory f : new FiltersPlugin().filters()) {
      EvalException e = assertThrows(EvalException.class, () -> Steps.step(f.name(), Map.of("bogus_kwarg", 1)));
      assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
      assertTrue(e.getMessage().contains("'" + f.name() + "'") && e.getMessage().contains("bogus_kwarg"),
          e.getMessage());
    }
  }

  @Test
  void wrongTypesNameFilterAndKey() {
    assertInvalid("regex", Map.of("group_select", "1"), "group_select");
    assertInvalid("regex", Map.of("regex_pattern", 5), "regex_pattern");
    assertInvalid("regex", Map.of("regex_pattern", "(unclosed"), "regex_pattern");
    assertInvalid("regex", Map.of("fallback", List.of("x")), "fallback");
    assertInvalid("take_first_k", Map.of(), "k");
    assertInvalid("take_first_k", Map.of("k", 2.5), "k");
    assertInvalid("map", Map.of("mapping_dict", List.of("A")), "mapping_dict");
    assertInvalid("multi_choice_regex", Map.of("ignore_case", "true"), "ignore_case");
    assertInvalid("multi_choice_regex", Map.of("regexes_to_ignore", ","), "regexes_to_ignore");
    assertInvalid("multi_choice_regex", Map.of("regexes_to_ignore", List.of("[")), "regexes_to_ignore");
  }

  private static void assertInvalid(String filter, Map<String, ?> kwargs, String key) {
    EvalException e = assertThrows(EvalException.class, () -> Steps.step(filter, kwargs));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertTrue(e.getMessage().contains("'" + filter + "'") && e.getMessage().contains("'" + key + "'"),
        e.getMessage());
  }
}
