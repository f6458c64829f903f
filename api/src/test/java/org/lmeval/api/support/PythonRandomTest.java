package org.lmeval.api.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PythonRandomTest {

  @Test
  void specVectorsSeed1234() {
    PythonRandom r = new PythonRandom(1234);
    assertEquals(new BigInteger("4150886329"), r.getrandbits(32));
    assertEquals(new BigInteger("3342196574"), r.getrandbits(32));
    assertEquals(new BigInteger("1892932127"), r.getrandbits(32));
    r = new PythonRandom(1234);
    assertEquals(0.9664535356921388, r.random());
    assertEquals(0.4407325991753527, r.random());
    assertEquals(0.007491470058587191, r.random());
  }

  @Test
  void specVectorsSample() {
    assertEquals(List.of(902, 239, 15, 185, 71, 171, 201, 726, 484, 35, 63, 32, 708, 991, 949, 304, 186,
        374, 234, 29, 1030, 996, 511, 132, 1108, 954), new PythonRandom(1234).sampleRange(1119, 26));
    assertEquals(List.of(14, 3, 0, 2, 1, 10), new PythonRandom(1234).sampleRange(20, 6));
    PythonRandom r = new PythonRandom(1234);
    assertEquals(List.of(28883, 7657, 490, 5940, 38156, 2288, 5500, 6450, 23241, 15519, 1142),
        r.sampleRange(39905, 11));
    assertEquals(List.of(2019, 1038, 22681, 31735, 30379, 9735, 5982, 11999, 7498, 958, 32970),
        r.sampleRange(39905, 11));
  }

  @Test
  void specVectorsSeed0() {
    List<Integer> ten = IntStream.range(0, 10).boxed().collect(Collectors.toList());
    assertEquals(List.of(8, 7, 4, 2, 5, 4, 7, 3, 4, 5), new PythonRandom(0).choices(ten, 10));
    PythonRandom r = new PythonRandom(0);
    assertEquals(0.8444218515250481, r.random());
    assertEquals(0.7579544029403025, r.random());
    List<Integer> x = new ArrayList<>(List.of(0, 1, 2, 3));
    new PythonRandom(0).shuffle(x);
    assertEquals(List.of(2, 0, 1, 3), x);
  }

  @Test
  void setSizeRule() {
    assertEquals(21, PythonRandom.sampleSetSize(5));
    assertEquals(85, PythonRandom.sampleSetSize(6));
    assertEquals(85, PythonRandom.sampleSetSize(21));
    assertEquals(277, PythonRandom.sampleSetSize(22));
    assertEquals(277, PythonRandom.sampleSetSize(85));
    @SuppressWarnings("unchecked")
    List<List<BigInteger>> sizes =
        (List<List<BigInteger>>) Fixtures.load("python_random.json").get("setsizes");
    for (List<BigInteger> row : sizes) {
      assertEquals(row.get(1).longValueExact(), PythonRandom.sampleSetSize(row.get(0).intValue()),
          "k=" + row.get(0));
    }
  }

  @Test
  void errorsMatchPython() {
    PythonRandom r = new PythonRandom(1);
    assertThrows(IllegalArgumentException.class, () -> r.sampleRange(3, 4));
    assertThrows(IllegalArgumentException.class, () -> r.sampleRange(3, -1));
    assertThrows(IllegalArgumentException.class, () -> r.randrange(0));
    assertThrows(IllegalArgumentException.class, () -> r.randrange(5, 5));
    assertThrows(IllegalArgumentException.class, () -> r.randrange(0, 10, 0));
    assertThrows(IllegalArgumentException.class, () -> r.randrange(0, 10, -1));
    assertThrows(IllegalArgumentException.class, () -> r.randint(2, 1));
    assertThrows(IllegalArgumentException.class, () -> r.getrandbits(-1));
    assertThrows(IllegalArgumentException.class, () -> r.choice(List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> r.choices(List.of(1, 2), new double[] {0.0, 0.0}, 1));
    assertEquals(List.of(), r.choices(List.of(), 0));
  }

  @Test
  void seedingByAbsoluteValueAndReseed() {
    PythonRandom a = new PythonRandom(-77);
    PythonRandom b = new PythonRandom(77);
    assertEquals(a.random(), b.random());
    double first = a.random();
    a.seed(77);
    a.random();
    assertEquals(first, a.random());
  }

  @Test
  @SuppressWarnings("unchecked")
  void replaysCPythonScripts() {
    List<Map<String, Object>> cases =
        (List<Map<String, Object>>) Fixtures.load("python_random.json").get("cases");
    int checked = 0;
    for (Map<String, Object> c : cases) {
      String seed = (String) c.get("seed");
      PythonRandom r = new PythonRandom(new BigInteger(seed));
      int step = 0;
      for (Map<String, Object> op : (List<Map<String, Object>>) c.get("ops")) {
        String where = "seed " + seed + " op #" + step++ + " " + op;
        assertEquals(op.get("result"), run(r, (String) op.get("op"), (List<Object>) op.get("args")),
            where);
        checked++;
      }
    }
    assertEquals(true, checked > 5000, "fixture too small: " + checked);
  }

  private static Object run(PythonRandom r, String op, List<Object> args) {
    switch (op) {
      case "getrandbits":
        return r.getrandbits(i(args.get(0))).toString();
      case "random":
        return Long.toString(Double.doubleToRawLongBits(r.random()));
      case "randbelow":
        return r.randbelow(new BigInteger((String) args.get(0))).toString();
      case "randrange":
        if (args.size() == 1) {
          return Long.toString(r.randrange(Long.parseLong((String) args.get(0))));
        }
        return Long.toString(r.randrange(Long.parseLong((String) args.get(0)),
            Long.parseLong((String) args.get(1)), Long.parseLong((String) args.get(2))));
      case "randint":
        return Long.toString(
            r.randint(Long.parseLong((String) args.get(0)), Long.parseLong((String) args.get(1))));
      case "shuffle": {
        List<Integer> x = range(i(args.get(0)));
        r.shuffle(x);
        return big(x);
      }
      case "sample":
        return big(r.sampleRange(i(args.get(0)), i(args.get(1))));
      case "choices":
        return big(r.choices(range(i(args.get(0))), i(args.get(1))));
      case "choice":
        return BigInteger.valueOf(r.choice(range(i(args.get(0)))));
      case "uniform":
        return Long.toString(Double.doubleToRawLongBits(r.uniform(
            Double.longBitsToDouble(Long.parseLong((String) args.get(0))),
            Double.longBitsToDouble(Long.parseLong((String) args.get(1))))));
      case "choices_weighted": {
        @SuppressWarnings("unchecked")
        List<String> ws = (List<String>) args.get(0);
        double[] w = ws.stream().mapToDouble(x -> Double.longBitsToDouble(Long.parseLong(x))).toArray();
        return big(r.choices(range(w.length), w, i(args.get(1))));
      }
      default:
        throw new IllegalArgumentException("unknown op " + op);
    }
  }

  private static int i(Object o) {
    return ((BigInteger) o).intValueExact();
  }

  private static List<Integer> range(int n) {
    return IntStream.range(0, n).boxed().collect(Collectors.toList());
  }

  private static List<BigInteger> big(List<Integer> xs) {
    return xs.stream().map(BigInteger::valueOf).collect(Collectors.toList());
  }
}
