package org.lmeval.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiVersionTest {
  @Test
  void currentVersionIsReadFromTheJar() {
    ApiVersion v = ApiVersion.current();
    assertEquals(1, v.major());
  }

  @Test
  void sameMajorAndOlderOrEqualMinorIsAccepted() {
    ApiVersion runtime = ApiVersion.parse("1.2");
    assertTrue(runtime.accepts(ApiVersion.parse("1.0")));
    assertTrue(runtime.accepts(ApiVersion.parse("1.2")));
    assertFalse(runtime.accepts(ApiVersion.parse("1.3")));
    assertFalse(runtime.accepts(ApiVersion.parse("2.0")));
    assertFalse(runtime.accepts(ApiVersion.parse("0.9")));
  }

  @Test
  void parseRejectsGarbageWithTheText() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApiVersion.parse("one"));
    assertTrue(e.getMessage().contains("'one'"));
    assertEquals(new ApiVersion(2, 0), ApiVersion.parse("2"));
  }
}
