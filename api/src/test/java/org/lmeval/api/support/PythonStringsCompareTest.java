package org.lmeval.api.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PythonStringsCompareTest {
  @Test
  void comparesByCodePointAsPythonDoes() {
    // U+FF21 (fullwidth A) sorts before U+1F600 (emoji) in Python; UTF-16 order says the opposite
    assertTrue(PythonStrings.compare("\uFF21", "\uD83D\uDE00") < 0);
    assertTrue("\uFF21".compareTo("\uD83D\uDE00") > 0);
    assertTrue(PythonStrings.compare("ab", "abc") < 0);
    assertTrue(PythonStrings.compare("abc", "ab") > 0);
    assertEquals(0, PythonStrings.compare("same", "same"));
  }
}
