package org.lmeval.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void typedGettersCoerceAndTrackReads() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pretrained", "gpt2");
    m.put("batch_size", "8");
    m.put("temperature", 0.5);
    m.put("trust_remote_code", "True");
    m.put("pretraned", "typo");
    Options o = Options.of("model arg", m);
    assertEquals("gpt2", o.requireString("pretrained"));
    assertEquals(8, o.intValue("batch_size", 1));
    assertEquals(0.5, o.doubleValue("temperature", 0));
    assertTrue(o.bool("trust_remote_code", false));
    assertEquals(7, o.intValue("absent", 7));
    assertEquals(Set.of("pretraned"), o.unreadKeys());
  }

  @Test
  void badValuesNameTheKeyAndKind() {
    Options o = Options.of("model arg", Map.of("batch_size", "eight"));
    EvalException e = assertThrows(EvalException.class, () -> o.intValue("batch_size", 1));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertEquals("model arg 'batch_size' must be an integer, got 'eight'", e.getMessage());
    EvalException missing = assertThrows(EvalException.class, () -> o.requireString("pretrained"));
    assertEquals("model arg 'pretrained' is required", missing.getMessage());
  }

  @Test
  void subViewMarksPrefixedKeysOfTheParent() {
    Options o = Options.of("option", Map.of("http.timeout", 30, "http.retries", 3, "other", 1));
    Options http = o.sub("http.");
    assertEquals(Set.of("timeout", "retries"), http.keys());
    assertEquals(30, http.intValue("timeout", 0));
    assertEquals(Set.of("http.retries", "other"), o.unreadKeys());
  }

  @Test
  void readKeysAreWhatWasAskedForPresentOrNot() {
    Options o = Options.of("model arg", Map.of("pretraned", "gpt2"));
    o.string("pretrained");
    o.intValue("batch_size", 1);
    assertEquals(Set.of("batch_size", "pretrained"), o.readKeys());
    assertEquals(Set.of("pretraned"), o.unreadKeys());
  }

  @Test
  void listWrapsScalars() {
    Options o = Options.of("option", Map.of("until", "\n\n", "stops", List.of("a", "b")));
    assertEquals(List.of("\n\n"), o.list("until"));
    assertEquals(List.of("a", "b"), o.list("stops"));
    assertEquals(List.of(), o.list("none"));
  }
}
