package org.lmeval.platform.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test support: loads the fixtures written by {@code tools/pycompat/gen_vectors.py} and turns their
 * type-tagged Python values ({"t": "int", "v": "12"}) into the Java values this package uses.
 */
final class Typed {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Typed() {}

  static JsonNode fixture(String name) {
    try (InputStream in = Typed.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name
            + " (regenerate with python3 tools/pycompat/gen_vectors.py)");
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Object value(JsonNode n) {
    String t = n.get("t").asText();
    JsonNode v = n.get("v");
    switch (t) {
      case "None":
        return null;
      case "bool":
        return v.asBoolean();
      case "int": {
        BigInteger b = new BigInteger(v.asText());
        if (b.bitLength() < 32) {
          return b.intValue();
        }
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
      }
      case "float":
        return Double.longBitsToDouble(Long.parseLong(v.asText()));
      case "str":
        return v.asText();
      case "list": {
        List<Object> l = new ArrayList<>();
        v.forEach(x -> l.add(value(x)));
        return l;
      }
      case "tuple": {
        List<Object> l = new ArrayList<>();
        v.forEach(x -> l.add(value(x)));
        return PythonTuple.copyOf(l);
      }
      case "dict": {
        Map<Object, Object> m = new LinkedHashMap<>();
        v.forEach(kv -> m.put(value(kv.get(0)), value(kv.get(1))));
        return m;
      }
      case "set": {
        Set<Object> s = new LinkedHashSet<>();
        v.forEach(x -> s.add(value(x)));
        return s;
      }
      default:
        throw new IllegalArgumentException("unknown type tag " + t);
    }
  }

  /** Deep equality that also checks Java classes, list/tuple kinds and dict order. */
  static void assertSame(Object expected, Object actual, String where) {
    if (expected == null || actual == null) {
      assertEquals(expected, actual, where);
      return;
    }
    if (expected instanceof PythonTuple || actual instanceof PythonTuple) {
      assertEquals(expected instanceof PythonTuple, actual instanceof PythonTuple,
          where + ": tuple vs list " + actual);
    }
    if (expected instanceof List) {
      assertTrue(actual instanceof List, where + ": expected a list, got " + actual);
      List<?> e = (List<?>) expected;
      List<?> a = (List<?>) actual;
      assertEquals(e.size(), a.size(), where + ": size");
      for (int i = 0; i < e.size(); i++) {
        assertSame(e.get(i), a.get(i), where + "[" + i + "]");
      }
    } else if (expected instanceof Map) {
      assertTrue(actual instanceof Map, where + ": expected a dict, got " + actual);
      Iterator<? extends Map.Entry<?, ?>> e = ((Map<?, ?>) expected).entrySet().iterator();
      Iterator<? extends Map.Entry<?, ?>> a = ((Map<?, ?>) actual).entrySet().iterator();
      while (e.hasNext()) {
        if (!a.hasNext()) {
          fail(where + ": dict too short " + actual);
        }
        Map.Entry<?, ?> ee = e.next();
        Map.Entry<?, ?> ae = a.next();
        assertSame(ee.getKey(), ae.getKey(), where + ".key");
        assertSame(ee.getValue(), ae.getValue(), where + "[" + ee.getKey() + "]");
      }
      assertTrue(!a.hasNext(), where + ": dict too long " + actual);
    } else if (expected instanceof Set) {
      assertTrue(actual instanceof Set, where + ": expected a set, got " + actual);
      assertEquals(expected, actual, where);
    } else {
      assertEquals(expected.getClass(), actual.getClass(), where + ": type of " + actual);
      assertEquals(expected, actual, where);
    }
  }
}
