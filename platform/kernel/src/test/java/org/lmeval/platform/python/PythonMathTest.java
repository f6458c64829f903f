package org.lmeval.platform.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmeval.api.support.PythonRandom;

class PythonMathTest {

  @Test
  void agreesWithCPythonAndLmEvalFormulas() {
    int n = 0;
    for (JsonNode c : Typed.fixture("python_math.json").get("cases")) {
      List<?> values = (List<?>) Typed.value(c.get("values"));
      String where = "values " + PythonStr.repr(values);
      Object expectedSum = Typed.value(c.get("sum"));
      Number sum = PythonMath.sum(values);
      if (expectedSum instanceof Integer) {
        expectedSum = ((Integer) expectedSum).longValue();
      }
      assertEquals(expectedSum, sum, where + " sum");
      assertEquals(bits(c.get("mean")), PythonMath.mean(values), where + " mean");
      String sd = c.get("sample_stddev_exact_square").asText();
      if (sd.equals("ZeroDivisionError")) {
        assertThrows(ArithmeticException.class, () -> PythonMath.sampleStddev(values), where);
      } else {
        // lm-eval squares with C pow; d * d is what this class computes (see its javadoc)
        assertEquals(bits(c.get("sample_stddev_exact_square")), PythonMath.sampleStddev(values), where);
        assertEquals(bits(c.get("mean_stderr_exact_square")), PythonMath.meanStderr(values), where);
        if (c.get("sample_stddev").asText().equals(sd)) {
          n++;
        }
      }
    }
    assertEquals(true, n > 150, "cases where lm-eval's own value is matched exactly: " + n);
  }

  private static double bits(JsonNode n) {
    return Double.longBitsToDouble(Long.parseLong(n.asText()));
  }

  @Test
  void specVectors() {
    List<Double> items = List.of(1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 1.0);
    assertEquals(0.16329931618554522, PythonMath.meanStderr(items));
    assertEquals(0.6, PythonMath.mean(items));
    // spec §10.3: bootstrap(mean, iters=2000) with one Random(i) per chunk of 1000
    List<Double> reps = new ArrayList<>();
    for (int chunk = 0; chunk < 2; chunk++) {
      PythonRandom rng = new PythonRandom(chunk);
      for (int i = 0; i < 1000; i++) {
        reps.add(PythonMath.mean(rng.choices(items, items.size())));
      }
    }
    assertEquals(0.1536300462004352, PythonMath.sampleStddev(reps));
  }

  @Test
  void pythonSumRules() {
    assertEquals(0.0, PythonMath.sum(List.of(-0.0)));
    assertEquals(0.30000000000000004, PythonMath.sum(List.of(0.1, 0.2)));
    assertEquals(6L, PythonMath.sum(List.of(1, 2L, 3)));
    assertEquals(2L, PythonMath.sum(List.of(true, true, false)));
    assertEquals(new BigInteger("18446744073709551616"),
        PythonMath.sum(List.of(Long.MAX_VALUE, Long.MAX_VALUE, 2L)));
    // the int run is exact, then converted once: sum([2**53, 1, 1, 1.0]) == 9007199254740996.0
    // (adding as floats from the start would give 9007199254740992.0)
    assertEquals(9007199254740996.0, PythonMath.sum(List.of(9007199254740992L, 1, 1, 1.0)));
    assertEquals(0.0, PythonMath.sum(new double[0]));
    assertThrows(ArithmeticException.class, () -> PythonMath.mean(List.of()));
    assertThrows(IllegalArgumentException.class, () -> PythonMath.sum(List.of("a")));
    assertEquals(1.0 / 3, PythonMath.trueDivide(BigInteger.ONE, BigInteger.valueOf(3)));
    assertEquals(3.3333333333333333e29,
        PythonMath.trueDivide(BigInteger.TEN.pow(30), BigInteger.valueOf(3)));
  }
}
