package org.lmeval.api.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class PythonStringsTest {
  private static final Map<String, Object> FIXTURE = Fixtures.load("python_str_methods.json");
  /** HANUNOO SIGN PAMUDPOD: Mn in Unicode 13 (Java 17), Mc in 14 (CPython 3.11). */
  private static final int CHANGED_IN_UNICODE_14 = 0x1734;

  @Test
  void characterPropertiesMatchCPythonOnEveryCodePoint() {
    @SuppressWarnings("unchecked")
    Map<String, List<List<BigInteger>>> props = (Map<String, List<List<BigInteger>>>) FIXTURE.get("props");
    boolean[] pyAssigned = members(props.get("assigned"));
    Map<String, IntPredicate> ours = Map.of(
        "isspace", PythonStrings::isspace,
        "isdigit", PythonStrings::isdigit,
        "isnumeric", PythonStrings::isnumeric,
        "isdecimal", PythonStrings::isdecimal,
        "isalpha", PythonStrings::isalpha,
        "cased", PythonStrings::isCased,
        "case_ignorable", cp -> !PythonStrings.isCased(cp) && PythonStrings.isCaseIgnorable(cp));
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, IntPredicate> e : ours.entrySet()) {
      boolean[] expected = members(props.get(e.getKey()));
      for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
        if (!comparable(cp, pyAssigned)) {
          continue;
        }
        if (expected[cp] != e.getValue().test(cp) && failures.size() < 50) {
          failures.add(e.getKey() + " U+" + Integer.toHexString(cp) + ": python " + expected[cp]);
        }
      }
    }
    if (!failures.isEmpty()) {
      fail(String.join("\n", failures));
    }
  }

  /** Code points both Unicode versions agree exist (new-in-14 ones are unassigned for Java 17). */
  private static boolean comparable(int cp, boolean[] pyAssigned) {
    boolean javaAssigned = Character.getType(cp) != Character.UNASSIGNED;
    return javaAssigned == pyAssigned[cp] && cp != CHANGED_IN_UNICODE_14
        && !(cp >= 0xD800 && cp <= 0xDFFF);
  }

  private static boolean[] members(List<List<BigInteger>> ranges) {
    boolean[] in = new boolean[Character.MAX_CODE_POINT + 1];
    for (List<BigInteger> r : ranges) {
      for (int cp = r.get(0).intValue(); cp <= r.get(1).intValue(); cp++) {
        in[cp] = true;
      }
    }
    return in;
  }

  @Test
  @SuppressWarnings("unchecked")
  void caseMappingsOfEverySingleCodePoint() {
    boolean[] pyAssigned = members(
        ((Map<String, List<List<BigInteger>>>) FIXTURE.get("props")).get("assigned"));
    List<String> failures = new ArrayList<>();
    boolean[] mapped = new boolean[Character.MAX_CODE_POINT + 1];
    for (List<Object> row : (List<List<Object>>) FIXTURE.get("mappings")) {
      int cp = ((BigInteger) row.get(0)).intValue();
      mapped[cp] = true;
      if (!comparable(cp, pyAssigned)) {
        continue;
      }
      String s = new String(Character.toChars(cp));
      check(failures, "lower", s, row.get(1), PythonStrings.lower(s));
      check(failures, "upper", s, row.get(2), PythonStrings.upper(s));
      check(failures, "title", s, row.get(3), PythonStrings.title(s));
      check(failures, "capitalize", s, row.get(3), PythonStrings.capitalize(s));
    }
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (!mapped[cp] && comparable(cp, pyAssigned)) {
        String s = new String(Character.toChars(cp));
        if (!PythonStrings.lower(s).equals(s) || !PythonStrings.upper(s).equals(s)
            || !PythonStrings.title(s).equals(s)) {
          failures.add("U+" + Integer.toHexString(cp) + " has no case mapping in Python");
        }
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " differences:\n" + String.join("\n", failures.subList(0, Math.min(50, failures.size()))));
    }
  }

  private static void check(List<String> failures, String op, String s, Object expected, Object actual) {
    if (!expected.equals(actual)) {
      failures.add(op + "(" + escape(s) + "): expected " + escape(String.valueOf(expected)) + " got "
          + escape(String.valueOf(actual)));
    }
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder("'");
    s.codePoints().forEach(cp -> {
      if (cp >= 0x20 && cp < 0x7f) {
        b.appendCodePoint(cp);
      } else {
        b.append("\\u{").append(Integer.toHexString(cp)).append('}');
      }
    });
    return b.append("'").toString();
  }

  @Test
  @SuppressWarnings("unchecked")
  void methodsAgreeWithCPython() {
    List<String> failures = new ArrayList<>();
    int n = 0;
    for (Map<String, Object> c : (List<Map<String, Object>>) FIXTURE.get("ops")) {
      String s = (String) c.get("s");
      for (List<Object> op : (List<List<Object>>) c.get("ops")) {
        n++;
        String name = (String) op.get(0);
        List<Object> args = (List<Object>) op.get(1);
        String where = name + args;
        if (op.size() == 4) {
          try {
            Object got = run(name, s, args);
            failures.add(where + " on " + escape(s) + ": expected error '" + op.get(3) + "', got " + got);
          } catch (IllegalArgumentException e) {
            if (!e.getMessage().equals(op.get(3))) {
              failures.add(where + ": message '" + e.getMessage() + "' vs '" + op.get(3) + "'");
            }
          }
          continue;
        }
        Object expected = op.get(2);
        if (expected instanceof BigInteger) {
          expected = ((BigInteger) expected).intValueExact();
        }
        try {
          check(failures, where, s, expected, run(name, s, args));
        } catch (RuntimeException e) {
          failures.add(where + " on " + escape(s) + ": " + e);
        }
      }
    }
    assertEquals(true, n > 20_000, "fixture too small: " + n);
    if (!failures.isEmpty()) {
      fail(failures.size() + " of " + n + " differ:\n"
          + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
    }
  }

  private static Integer opt(List<Object> args, int i) {
    Object o = args.get(i);
    return o == null ? null : ((BigInteger) o).intValueExact();
  }

  private static Object run(String op, String s, List<Object> a) {
    switch (op) {
      case "lower": return PythonStrings.lower(s);
      case "upper": return PythonStrings.upper(s);
      case "capitalize": return PythonStrings.capitalize(s);
      case "title": return PythonStrings.title(s);
      case "isspace": return PythonStrings.isspace(s);
      case "isdigit": return PythonStrings.isdigit(s);
      case "isnumeric": return PythonStrings.isnumeric(s);
      case "isdecimal": return PythonStrings.isdecimal(s);
      case "isalpha": return PythonStrings.isalpha(s);
      case "isalnum": return PythonStrings.isalnum(s);
      case "islower": return PythonStrings.islower(s);
      case "isupper": return PythonStrings.isupper(s);
      case "len": return PythonStrings.len(s);
      case "strip": return a.isEmpty() ? PythonStrings.strip(s) : PythonStrings.strip(s, (String) a.get(0));
      case "lstrip": return a.isEmpty() ? PythonStrings.lstrip(s) : PythonStrings.lstrip(s, (String) a.get(0));
      case "rstrip": return a.isEmpty() ? PythonStrings.rstrip(s) : PythonStrings.rstrip(s, (String) a.get(0));
      case "split":
        return a.isEmpty() ? PythonStrings.split(s) : PythonStrings.split(s, (String) a.get(0), opt(a, 1));
      case "rsplit":
        return a.isEmpty() ? PythonStrings.rsplit(s) : PythonStrings.rsplit(s, (String) a.get(0), opt(a, 1));
      case "replace": return PythonStrings.replace(s, (String) a.get(0), (String) a.get(1), opt(a, 2));
      case "find":
        return a.size() == 1 ? PythonStrings.find(s, (String) a.get(0))
            : PythonStrings.find(s, (String) a.get(0), opt(a, 1), opt(a, 2));
      case "rfind":
        return a.size() == 1 ? PythonStrings.rfind(s, (String) a.get(0))
            : PythonStrings.rfind(s, (String) a.get(0), opt(a, 1), opt(a, 2));
      case "index": return PythonStrings.index(s, (String) a.get(0));
      case "rindex": return PythonStrings.rindex(s, (String) a.get(0));
      case "count": return PythonStrings.count(s, (String) a.get(0));
      case "startswith": return PythonStrings.startswith(s, (String) a.get(0));
      case "endswith": return PythonStrings.endswith(s, (String) a.get(0));
      case "zfill": return PythonStrings.zfill(s, opt(a, 0));
      case "slice": return PythonStrings.slice(s, opt(a, 0), opt(a, 1));
      default: throw new IllegalStateException("unknown op " + op);
    }
  }

  @Test
  void examples() {
    assertEquals(List.of("a", "b"), PythonStrings.split("\u00a0a\u3000b\u001c"));
    assertEquals(List.of("a", "b  c  "), PythonStrings.split("  a  b  c  ", null, 1));
    assertEquals(List.of("", "a", "", "b", ""), PythonStrings.split(",a,,b,", ","));
    assertEquals("SS", PythonStrings.upper("ß"));
    assertEquals("Ssa", PythonStrings.capitalize("ßA"));
    assertEquals("οδος οδος.", PythonStrings.lower("ΟΔΟΣ ΟΔΟΣ."));
    assertEquals("οδος οδος.", PythonStrings.lower("ΟΔΟΣ ΟΔΟΣ.")); // Java agrees on final sigma
    assertEquals("They'Re Bill'S", PythonStrings.title("they're bill's"));
    assertEquals(3, PythonStrings.len("a😀b"));
    assertEquals(2, PythonStrings.find("a😀b", "b"));
    assertEquals("-a-😀-", PythonStrings.replace("a😀", "", "-"));
    assertEquals("-007", PythonStrings.zfill("-7", 4));
    assertEquals("", PythonStrings.join(",", List.of()));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PythonStrings.index("abc", "z"));
    assertEquals("substring not found", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PythonStrings.split("a", ""));
    assertEquals(true, PythonStrings.isdigit("²"));
    assertEquals(false, PythonStrings.isdecimal("²"));
    assertEquals(true, PythonStrings.isnumeric("五½"));
  }
}
