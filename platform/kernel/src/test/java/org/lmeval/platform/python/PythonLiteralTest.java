package org.lmeval.platform.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PythonLiteralTest {

  @Test
  void everyCPythonCaseAgrees() {
    List<String> failures = new ArrayList<>();
    int n = 0;
    for (JsonNode c : Typed.fixture("python_literal.json").get("cases")) {
      n++;
      String in = c.get("in").asText();
      String where = "literal_eval(" + PythonLiteralTest.show(in) + ")";
      if (c.has("error")) {
        try {
          Object got = PythonLiteral.parse(in);
          failures.add(where + " should fail (" + c.get("error").asText() + ") but gave " + got);
        } catch (IllegalArgumentException expected) {
          // as Python
        }
        continue;
      }
      try {
        Typed.assertSame(Typed.value(c.get("out")), PythonLiteral.parse(in), where);
      } catch (AssertionError | IllegalArgumentException e) {
        failures.add(where + ": " + e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " of " + n + " cases differ:\n" + String.join("\n", failures));
    }
    assertTrue(n > 1000);
  }

  @Test
  void typesAndShapes() {
    assertEquals(List.of("a", "b"), PythonLiteral.parse("['a', \"b\"]"));
    Object t = PythonLiteral.parse("(1, 'x')");
    assertTrue(t instanceof PythonTuple);
    assertEquals(List.of(1, "x"), t);
    assertEquals(Integer.class, PythonLiteral.parse("2147483647").getClass());
    assertEquals(Long.class, PythonLiteral.parse("2147483648").getClass());
    assertEquals(Integer.class, PythonLiteral.parse("-2147483648").getClass());
    assertEquals(new BigInteger("-9223372036854775809"), PythonLiteral.parse("-9223372036854775809"));
    assertEquals(-0.0, PythonLiteral.parse("-0.0"));
    assertEquals(Double.POSITIVE_INFINITY, PythonLiteral.parse("1e400"));
    Map<?, ?> m = (Map<?, ?>) PythonLiteral.parse("{'b': 1, 'a': 2, 'b': 3}");
    assertEquals(List.of("b", "a"), new ArrayList<>(m.keySet()));
    assertEquals(3, m.get("b"));
    assertEquals(Set.of(1, 2), PythonLiteral.parse("{1, 2, 1.0, True}"));
    assertEquals("😀é•", PythonLiteral.parse("'\\U0001F600\\xe9\\N{BULLET}'"));
    assertEquals("ab\\n", PythonLiteral.parse("'a' \"b\" r'\\n'"));
  }

  @Test
  void errorsGivePositionAndText() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parse("[1,\n 2, foo]"));
    assertTrue(e.getMessage().contains("line 2, column 5"), e.getMessage());
    assertTrue(e.getMessage().contains("'foo'"), e.getMessage());
    assertTrue(e.getMessage().endsWith("in: [1,\n 2, foo]"), e.getMessage());
    IllegalArgumentException u =
        assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parse("'abc"));
    assertTrue(u.getMessage().contains("unterminated string literal at line 1, column 1"),
        u.getMessage());
  }

  @Test
  void tryParseAndDefault() {
    assertEquals(Optional.of(List.of(1)), PythonLiteral.tryParse("[1]"));
    assertEquals(Optional.empty(), PythonLiteral.tryParse("Paris"));
    assertEquals(Optional.empty(), PythonLiteral.tryParse("None"));
    assertEquals("Paris", PythonLiteral.parseOrDefault("Paris", "Paris"));
    assertEquals(null, PythonLiteral.parseOrDefault("None", "x"));
  }

  static String show(String s) {
    return s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
  }
}
