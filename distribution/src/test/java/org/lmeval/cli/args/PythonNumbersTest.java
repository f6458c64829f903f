package org.lmeval.cli.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Python's int(), float() and str.isnumeric() (CPython 3.11 results written out by hand). */
class PythonNumbersTest {
  @Test
  void intAcceptsWhatPythonAccepts() {
    assertEquals(Optional.of(7), PythonNumbers.parseInt(" +007 "));
    assertEquals(Optional.of(-1000), PythonNumbers.parseInt("-1_000"));
    assertEquals(Optional.of(12), PythonNumbers.parseInt("١٢"));
    assertEquals(Optional.of(5_000_000_000L), PythonNumbers.parseInt("5000000000"));
    assertEquals(Optional.of(new BigInteger("99999999999999999999")), PythonNumbers.parseInt("99999999999999999999"));
    assertEquals(Optional.empty(), PythonNumbers.parseInt("1__0"));
    assertEquals(Optional.empty(), PythonNumbers.parseInt("_1"));
    assertEquals(Optional.empty(), PythonNumbers.parseInt("1.0"));
    assertEquals(Optional.empty(), PythonNumbers.parseInt("0x10"));
    assertEquals(Optional.empty(), PythonNumbers.parseInt("²"));
    assertEquals(Optional.empty(), PythonNumbers.parseInt(""));
  }

  @Test
  void floatAcceptsWhatPythonAccepts() {
    assertEquals(1e-5, PythonNumbers.parseFloat("1e-5").getAsDouble());
    assertEquals(0.5, PythonNumbers.parseFloat(".5").getAsDouble());
    assertEquals(5.0, PythonNumbers.parseFloat("5.").getAsDouble());
    assertEquals(1000.5, PythonNumbers.parseFloat("1_000.5").getAsDouble());
    assertEquals(-1.0, PythonNumbers.parseFloat("\t-1\n").getAsDouble());
    assertEquals(Double.POSITIVE_INFINITY, PythonNumbers.parseFloat("+Infinity").getAsDouble());
    assertEquals(Double.NEGATIVE_INFINITY, PythonNumbers.parseFloat("-inf").getAsDouble());
    assertTrue(Double.isNaN(PythonNumbers.parseFloat("NaN").getAsDouble()));
    assertTrue(Double.isInfinite(PythonNumbers.parseFloat("1e400").getAsDouble()));
    assertFalse(PythonNumbers.parseFloat("1.0d").isPresent(), "Java's suffixes are not Python");
    assertFalse(PythonNumbers.parseFloat("0x1p3").isPresent(), "hex floats are not float()");
    assertFalse(PythonNumbers.parseFloat("infinit").isPresent());
    assertFalse(PythonNumbers.parseFloat(".").isPresent());
    assertFalse(PythonNumbers.parseFloat("1e").isPresent());
    assertFalse(PythonNumbers.parseFloat("").isPresent());
  }

  @Test
  void isNumericIsUnicodeNumeric() {
    assertTrue(PythonNumbers.isNumeric("0123"));
    assertTrue(PythonNumbers.isNumeric("²"));
    assertTrue(PythonNumbers.isNumeric("½"));
    assertTrue(PythonNumbers.isNumeric("Ⅷ"));
    assertFalse(PythonNumbers.isNumeric("-1"));
    assertFalse(PythonNumbers.isNumeric("1.5"));
    assertFalse(PythonNumbers.isNumeric(" 1"));
    assertFalse(PythonNumbers.isNumeric(""));
  }
}
