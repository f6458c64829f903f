package org.lmeval.api.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PythonRegexTest {
  private static final Map<String, Object> FIXTURE = Fixtures.load("python_regex.json");

  @Test
  @SuppressWarnings("unchecked")
  void everyFunctionAgreesWithCPython() {
    List<String> texts = (List<String>) FIXTURE.get("texts");
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Map<String, Object> c : (List<Map<String, Object>>) FIXTURE.get("cases")) {
      String pattern = (String) c.get("pattern");
      int flags = ((BigInteger) c.get("flags")).intValue();
      PythonRegex rx;
      try {
        rx = PythonRegex.compile(pattern, flags);
      } catch (IllegalArgumentException e) {
        failures.add("compile " + pattern + ": " + e.getMessage());
        continue;
      }
      String at = "pattern " + show(pattern) + " (java " + rx.javaPattern() + ")";
      same(failures, at + " groups", ((BigInteger) c.get("groups")).intValue(), rx.groups());
      same(failures, at + " flags", ((BigInteger) c.get("pyflags")).intValue(), rx.flags());
      Map<String, Object> gi = (Map<String, Object>) c.get("groupindex");
      gi.forEach((k, v) -> same(failures, at + " groupindex " + k, ((BigInteger) v).intValue(),
          rx.groupindex().get(k)));
      List<Map<String, Object>> results = (List<Map<String, Object>>) c.get("texts");
      for (int i = 0; i < texts.size(); i++) {
        String text = texts.get(i);
        Map<String, Object> r = results.get(i);
        String where = at + " on " + show(text);
        checked++;
        try {
          same(failures, where + " findall", r.get("findall"), rx.findall(text));
          same(failures, where + " search", r.get("search"), span(rx.search(text), true));
          same(failures, where + " match", r.get("match"), span(rx.match(text), true));
          same(failures, where + " fullmatch", r.get("fullmatch"), span(rx.fullmatch(text), false));
          same(failures, where + " split", r.get("split"), rx.split(text));
          same(failures, where + " split1", r.get("split1"), rx.split(text, 1));
          List<Object> sub = (List<Object>) r.get("sub");
          String template = (String) sub.get(0);
          if (sub.get(1) == null) {
            try {
              rx.sub(template, text);
              failures.add(where + " sub " + show(template) + ": expected error " + sub.get(2));
            } catch (IllegalArgumentException expected) {
              // as Python
            }
          } else {
            same(failures, where + " sub " + show(template), sub.get(1), rx.sub(template, text));
            same(failures, where + " sub1 " + show(template), sub.get(2), rx.sub(template, text, 1));
          }
        } catch (RuntimeException e) {
          failures.add(where + ": " + e);
        }
      }
    }
    assertTrue(checked > 3000, "fixture too small: " + checked);
    if (!failures.isEmpty()) {
      fail(failures.size() + " differences:\n" + String.join("\n",
          failures.subList(0, Math.min(80, failures.size()))));
    }
  }

  private static List<Object> span(Optional<PythonRegex.Match> m, boolean withGroups) {
    if (m.isEmpty()) {
      return null;
    }
    List<Object> out = new ArrayList<>();
    out.add(BigInteger.valueOf(m.get().start()));
    out.add(BigInteger.valueOf(m.get().end()));
    if (withGroups) {
      out.add(m.get().groups());
    }
    return out;
  }

  private static void same(List<String> failures, String what, Object expected, Object actual) {
    if (expected instanceof BigInteger && actual instanceof Integer) {
      actual = BigInteger.valueOf((Integer) actual);
    }
    if (!java.util.Objects.equals(expected, actual)) {
      failures.add(what + ": expected " + expected + " got " + actual);
    }
  }

  static String show(String s) {
    return s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
  }

  @Test
  @SuppressWarnings("unchecked")
  void compileErrorsAsCPython() {
    List<String> failures = new ArrayList<>();
    for (Map<String, Object> e : (List<Map<String, Object>>) FIXTURE.get("errors")) {
      String pattern = (String) e.get("pattern");
      int flags = ((BigInteger) e.get("flags")).intValue();
      String expected = (String) e.get("error");
      try {
        PythonRegex.compile(pattern, flags);
        if (expected != null) {
          failures.add(show(pattern) + ": expected error '" + expected + "'");
        }
      } catch (IllegalArgumentException ex) {
        String text = expected == null ? null : expected.replaceAll(" at position \\d+$", "");
        if (text == null) {
          failures.add(show(pattern) + ": unexpected error " + ex.getMessage());
        } else if (!ex.getMessage().startsWith(text)) {
          failures.add(show(pattern) + ": message '" + ex.getMessage() + "' vs '" + expected + "'");
        }
      }
    }
    if (!failures.isEmpty()) {
      fail(String.join("\n", failures));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void escapeAsCPython() {
    for (List<String> pair : (List<List<String>>) FIXTURE.get("escape")) {
      assertEquals(pair.get(1), PythonRegex.escape(pair.get(0)));
    }
  }

  @Test
  void examples() {
    assertEquals(List.of("-1,234.5"), PythonRegex.findall("#### (\\-?[0-9\\.\\,]+)", "#### -1,234.5"));
    assertEquals(List.of(List.of("", "7"), List.of("$12", "")),
        PythonRegex.findall("(-?[$0-9.,]{2,})|(-?[0-9]+)", "7 and $12"));
    assertEquals("a<1>b<22>", PythonRegex.sub("(?P<n>\\d+)", "<\\g<n>>", "a1b22"));
    assertEquals(Arrays.asList("", "a", " ", "b", ""), PythonRegex.split("\\b", "a b"));
    assertEquals(Arrays.asList("a", null, "b"), PythonRegex.split("(x)?,", "a,b"));
    assertEquals(List.of("", "a", ""), PythonRegex.findall("|a", "a"));
    PythonRegex.Match m = PythonRegex.search("(?P<w>b)", "🙂ab").orElseThrow();
    assertEquals(2, m.start());
    assertEquals("b", m.group("w"));
    assertEquals(Map.of("w", "b"), m.groupdict());
    assertThrows(IllegalArgumentException.class, () -> PythonRegex.compile("(?(1)a|b)"));
    assertTrue(PythonRegex.compile("a") == PythonRegex.compile("a"), "cached");
    assertEquals(List.of("ab", "", "c", ""), PythonRegex.compile("\\w*").findallStrings("ab c"));
  }
}
