package org.lmeval.platform.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmeval.api.support.PythonRandom;

class PythonFloatTest {

  @Test
  void layoutMatchesPython() {
    assertEquals("0.1", PythonFloat.repr(0.1));
    assertEquals("1e-05", PythonFloat.repr(1e-5));
    assertEquals("0.0001", PythonFloat.repr(1e-4));
    assertEquals("1e+16", PythonFloat.repr(1e16));
    assertEquals("1000000000000000.0", PythonFloat.repr(1e15));
    assertEquals("100.0", PythonFloat.repr(100.0));
    assertEquals("-0.0", PythonFloat.repr(-0.0));
    assertEquals("0.0", PythonFloat.repr(0.0));
    assertEquals("inf", PythonFloat.repr(Double.POSITIVE_INFINITY));
    assertEquals("-inf", PythonFloat.repr(Double.NEGATIVE_INFINITY));
    assertEquals("nan", PythonFloat.repr(Double.NaN));
    assertEquals("nan", PythonFloat.repr(Double.longBitsToDouble(0xfff8000000000001L)));
    assertEquals("5e-324", PythonFloat.repr(Double.MIN_VALUE));
    assertEquals("1.7976931348623157e+308", PythonFloat.repr(Double.MAX_VALUE));
    assertEquals("1.5e+300", PythonFloat.repr(1.5e300));
    assertEquals("2.82879384806159e+17", PythonFloat.repr(2.82879384806159E17));
    assertEquals("0.2474747474747475", PythonFloat.repr(0.2474747474747475));
  }

  @Test
  void specialsFromCPython() {
    for (JsonNode pair : Typed.fixture("python_float.json").get("specials")) {
      double x = Double.longBitsToDouble(Long.parseLong(pair.get(0).asText()));
      assertEquals(pair.get(1).asText(), PythonFloat.repr(x), "bits " + pair.get(0).asText());
    }
  }

  /** 100k doubles drawn exactly as tools/pycompat/gen_vectors.py draws them (all exponents, subnormals, short decimals). */
  @Test
  void randomStreamMatchesCPython() throws NoSuchAlgorithmException {
    JsonNode stream = Typed.fixture("python_float.json").get("stream");
    int count = stream.get("count").asInt();
    int block = stream.get("block").asInt();
    List<String> reprs = new ArrayList<>(count);
    PythonRandom r = new PythonRandom(stream.get("seed").asLong());
    for (int i = 0; i < count; i++) {
      reprs.add(PythonFloat.repr(next(r)));
    }
    JsonNode first = stream.get("first");
    for (int i = 0; i < first.size(); i++) {
      assertEquals(first.get(i).asText(), reprs.get(i), "stream item " + i);
    }
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (int b = 0; b * block < count; b++) {
      String joined = String.join("\n", reprs.subList(b * block, Math.min(count, (b + 1) * block)));
      String hex = HexFormat.of().formatHex(sha.digest(joined.getBytes(StandardCharsets.UTF_8)));
      assertEquals(stream.get("sha256").get(b).asText(), hex, "block " + b + " of the stream differs");
    }
  }

  @Test
  void everyFiniteOutputReadsBackAsTheSameDouble() {
    PythonRandom r = new PythonRandom(5);
    for (int i = 0; i < 50_000; i++) {
      double x = Double.longBitsToDouble(r.getrandbits(64).longValue());
      if (!Double.isFinite(x)) {
        continue;
      }
      String s = PythonFloat.repr(x);
      assertEquals(x, Double.parseDouble(s), s);
    }
  }

  @Test
  void powersOfTwoAndTen() {
    JsonNode powers = Typed.fixture("python_float.json").get("powers");
    int i = 0;
    for (int k = -1074; k <= 1023; k++) {
      assertEquals(powers.get(i++).asText(), PythonFloat.repr(Math.scalb(1.0, k)), "2**" + k);
    }
    for (int k = -323; k <= 308; k++) {
      assertEquals(powers.get(i++).asText(), PythonFloat.repr(Double.parseDouble("1e" + k)), "1e" + k);
    }
    assertEquals(powers.size(), i);
  }

  @Test
  void parseIsPythonsFloatConstructor() {
    for (JsonNode c : Typed.fixture("python_float.json").get("parse")) {
      String text = c.get(0).asText();
      if (c.get(1).isNull()) {
        IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> PythonFloat.parse(text), text);
        assertEquals(c.get(2).asText(), e.getMessage());
      } else {
        double expected = Double.longBitsToDouble(Long.parseLong(c.get(1).asText()));
        assertEquals(expected, PythonFloat.parse(text), PythonStr.repr(text));
      }
    }
  }

  static double next(PythonRandom r) {
    switch ((int) r.randrange(5)) {
      case 0:
        return Double.longBitsToDouble(r.getrandbits(64).longValue());
      case 1:
        return Double.longBitsToDouble(r.getrandbitsLong(52) | (r.randrange(3) << 52));
      case 2: {
        long digits = r.randrange(1, BigInteger.TEN.pow((int) r.randrange(1, 18)).longValueExact());
        return Double.parseDouble(digits + "e" + r.randrange(-340, 310));
      }
      case 3:
        return r.random();
      default: {
        long n = r.randrange(1, 1_000_000);
        return n / Double.parseDouble("1e" + r.randrange(0, 23)); // exact powers of ten, as Python's 10 ** k
      }
    }
  }
}
