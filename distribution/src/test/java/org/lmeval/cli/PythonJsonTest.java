package org.lmeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmeval.platform.python.PythonTuple;

/** json.dumps(indent=2, ensure_ascii=False) as CPython 3.11 writes it (expected texts from a Python run). */
class PythonJsonTest {
  @Test
  void nestedValues() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", 1);
    m.put("b", List.of(0.1, 1e-05, 1e16, -0.0, 2.5e-320));
    m.put("c", Map.of());
    m.put("d", List.of());
    m.put("e", null);
    m.put("f", true);
    m.put("g", Double.NaN);
    m.put("h", Double.NEGATIVE_INFINITY);
    assertEquals("""
        {
          "a": 1,
          "b": [
            0.1,
            1e-05,
            1e+16,
            -0.0,
            2.5e-320
          ],
          "c": {},
          "d": [],
          "e": null,
          "f": true,
          "g": NaN,
          "h": -Infinity
        }""", PythonJson.dumps(m));
  }

  @Test
  void stringsEscapeOnlyWhatPythonEscapes() {
    assertEquals("\"é \\\" \\\\ \\n \\t \\u0001 \u2028 \u007f\"", PythonJson.dumps("é \" \\ \n \t \u0001 \u2028 \u007f"));
  }

  @Test
  void tuplesAndSetsAreArraysAndOtherObjectsTheirString() {
    assertEquals("[\n  1,\n  \"x\"\n]", PythonJson.dumps(PythonTuple.of(1, "x")));
    assertEquals("[\n  2\n]", PythonJson.dumps(new LinkedHashSet<>(List.of(2))));
    assertEquals("\"/tmp/x\"", PythonJson.dumps(java.nio.file.Path.of("/tmp/x")));
  }
}
