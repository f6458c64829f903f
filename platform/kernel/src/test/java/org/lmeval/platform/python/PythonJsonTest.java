package org.lmeval.platform.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PythonJsonTest {
  private static final Map<String, PythonJson.Options> MODES = Map.of(
      "default", PythonJson.Options.DEFAULT,
      "results", PythonJson.Options.RESULTS,
      "samples", PythonJson.Options.SAMPLES,
      "indent0", PythonJson.Options.DEFAULT.withIndent(0),
      "compact_sorted", PythonJson.Options.DEFAULT.withSeparators(",", ":").withSortKeys(true),
      "indent4_sorted_unicode",
      PythonJson.Options.DEFAULT.withIndent(4).withSortKeys(true).withEnsureAscii(false));

  @Test
  void dumpsLikeCPythonInEveryMode() {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (JsonNode c : Typed.fixture("python_strings.json").get("cases")) {
      Object v = Typed.value(c.get("value"));
      for (Map.Entry<String, PythonJson.Options> mode : MODES.entrySet()) {
        JsonNode expected = c.get(mode.getKey());
        checked++;
        if (expected.isObject()) {
          try {
            String got = PythonJson.dumps(v, mode.getValue());
            failures.add(mode.getKey() + ": expected a TypeError for " + PythonStr.repr(v) + ", got " + got);
          } catch (IllegalArgumentException e) {
            // as Python
          }
          continue;
        }
        try {
          PythonStrTest.check(failures, mode.getKey(), expected.asText(), PythonJson.dumps(v, mode.getValue()));
        } catch (IllegalArgumentException e) {
          failures.add(mode.getKey() + ": " + e.getMessage() + " for " + PythonStr.repr(v));
        }
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " of " + checked + " differ:\n" + String.join("\n", failures));
    }
  }

  @Test
  void shapes() {
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put("acc,none", 0.2474747474747475);
    m.put("alias", "arc_easy");
    m.put("n", List.of());
    m.put("x", Double.NaN);
    assertEquals("{\"acc,none\": 0.2474747474747475, \"alias\": \"arc_easy\", \"n\": [], \"x\": NaN}",
        PythonJson.dumps(m));
    assertEquals("{\n  \"acc,none\": 0.2474747474747475,\n  \"alias\": \"arc_easy\",\n  \"n\": [],\n"
        + "  \"x\": NaN\n}", PythonJson.dumps(m, PythonJson.Options.RESULTS));
    assertEquals("[\"\\u00e9\\ud83d\\ude00\", 1e-05, -Infinity]",
        PythonJson.dumps(List.of("é😀", 1e-5, Double.NEGATIVE_INFINITY)));
    assertEquals("[\"é😀\\u001f\u007f\"]",
        PythonJson.dumps(List.of("é😀\u001f\u007f"), PythonJson.Options.SAMPLES));
    assertEquals("[1]", PythonJson.dumps(Set.of(1)));
    assertEquals("\"PT1S\"", PythonJson.dumps(java.time.Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> PythonJson.dumps(java.time.Duration.ZERO,
        PythonJson.Options.DEFAULT.withFallback(PythonJson::notSerializable)));
    assertThrows(IllegalArgumentException.class,
        () -> PythonJson.dumps(Map.of(PythonTuple.of(1), 1)));
  }
}
