package org.lmeval.platform.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonStrTest {

  @Test
  void strAndReprOfCPythonValues() {
    List<String> failures = new ArrayList<>();
    for (JsonNode c : Typed.fixture("python_strings.json").get("cases")) {
      Object v = Typed.value(c.get("value"));
      check(failures, "str", c.get("str").asText(), PythonStr.str(v));
      check(failures, "repr", c.get("repr").asText(), PythonStr.repr(v));
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " differences:\n" + String.join("\n", failures));
    }
  }

  static void check(List<String> failures, String what, String expected, String actual) {
    if (!expected.equals(actual)) {
      failures.add(what + ": expected " + PythonStr.repr(expected) + " got " + PythonStr.repr(actual));
    }
  }

  @Test
  void reprQuotingAndEscapes() {
    assertEquals("'abc'", PythonStr.repr("abc"));
    assertEquals("\"it's\"", PythonStr.repr("it's"));
    assertEquals("'say \"hi\" it\\'s'", PythonStr.repr("say \"hi\" it's"));
    assertEquals("'a\\\\b\\n\\t\\r\\x00\\x7f'", PythonStr.repr("a\\b\n\t\r\u0000\u007f"));
    assertEquals("'\\xa0é\\u2028😀\\ud83d'", PythonStr.repr("\u00a0é\u2028😀\ud83d"));
    assertEquals("['a', 1, 2.0, None, True, (1,), ()]",
        PythonStr.str(listOf("a", 1, 2.0, null, true, PythonTuple.of(1), PythonTuple.of())));
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put("k", List.of());
    m.put(1, new LinkedHashSet<>());
    m.put(null, new BigInteger("123456789012345678901234567890"));
    assertEquals("{'k': [], 1: set(), None: 123456789012345678901234567890}", PythonStr.str(m));
    assertEquals("0.1", PythonStr.str(0.1));
    assertEquals("0.10000000149011612", PythonStr.str(0.1f));
    assertEquals("é", PythonStr.str("é"));
  }

  private static List<Object> listOf(Object... items) {
    List<Object> l = new ArrayList<>();
    for (Object o : items) {
      l.add(o);
    }
    return l;
  }
}
