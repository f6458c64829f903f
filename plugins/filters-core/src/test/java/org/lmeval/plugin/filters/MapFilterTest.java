package org.lmeval.plugin.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MapFilterTest {
  @Test
  void mapsWithDefault() {
    assertEquals(List.of(List.of(0, 1, -1)), Steps.apply(
        Steps.step("map", Map.of("mapping_dict", Map.of("A", 0, "B", 1), "default_value", -1)),
        List.of(List.of("A", "B", "C"))));
  }

  @Test
  void defaultIsNoneAndKeysUsePythonEquality() {
    assertEquals(List.of(Arrays.asList("one", null)), Steps.apply(
        Steps.step("map", Map.of("mapping_dict", Map.of(1, "one"))), List.of(List.of(1.0, 2))));
    assertEquals(List.of(List.of("one")), Steps.apply(
        Steps.step("map", Map.of("mapping_dict", Map.of(1, "one"))), List.of(List.of(true))));
  }
}
