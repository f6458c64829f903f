package org.lmeval.plugin.djl.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PyStringsTest {
  @Test
  void trailingWhitespaceIsPythonsRstrip() {
    assertEquals(0, PyStrings.trailingSpaceLength("Question:"));
    assertEquals(1, PyStrings.trailingSpaceLength("Answer: "));
    assertEquals(3, PyStrings.trailingSpaceLength("a \n\t"));
    // U+00A0 and U+3000 are whitespace for Python's str.rstrip(), not for Java's Character.isWhitespace
    assertEquals(2, PyStrings.trailingSpaceLength("x\u00A0\u3000"));
    assertEquals(1, PyStrings.trailingSpaceLength("x\u001F"));
    assertFalse(PyStrings.isSpace(0x200B), "zero-width space is not whitespace in Python");
    assertTrue(PyStrings.isSpace(0x2009));
    assertEquals(3, PyStrings.trailingSpaceLength("   "));
  }

  @Test
  void splitTakesTheTextBeforeTheFirstStop() {
    assertEquals("a", PyStrings.beforeFirst("a\n\nb\n\nc", "\n\n"));
    assertEquals("abc", PyStrings.beforeFirst("abc", "Q:"));
  }
}
