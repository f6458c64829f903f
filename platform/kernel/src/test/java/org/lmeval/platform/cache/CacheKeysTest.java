package org.lmeval.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingRequest;

class CacheKeysTest {
  @Test
  void canonicalFormsArePinned() {
    // a change here changes every key: bump CacheKeys.KEY_VERSION with it
    assertEquals("[\"loglikelihood\",\"Q: 2+2=\",\" 4\",0]", CacheKeys.canonicalRequest(RequestType.LOGLIKELIHOOD,
        new LoglikelihoodRequest("Q: 2+2=", " 4"), 0));
    assertEquals("[\"loglikelihood_rolling\",\"caf\\u00e9 \\ud83d\\ude00\\u000a\",3]", CacheKeys.canonicalRequest(
        RequestType.LOGLIKELIHOOD_ROLLING, new RollingRequest("café 😀\n"), 3));
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("top_p", 0.9);
    extra.put("seed", 7);
    assertEquals("[\"generate_until\",\"ctx\",{\"do_sample\":true,\"extra\":{\"seed\":7,\"top_p\":0.9},"
        + "\"max_gen_toks\":32,\"temperature\":0.7,\"until\":[\"\\u000a\\u000a\",\"Q:\"]},1]",
        CacheKeys.canonicalRequest(RequestType.GENERATE_UNTIL, new GenerationRequest("ctx", new GenerationParams(
            List.of("\n\n", "Q:"), OptionalInt.of(32), true, OptionalDouble.of(0.7), extra)), 1));
    assertTrue(CacheKeys.key(RequestType.LOGLIKELIHOOD, new LoglikelihoodRequest("a", "b"), 0)
        .matches("[0-9a-f]{64}"));
    assertEquals(CacheKeys.sha256Hex("[\"loglikelihood\",\"a\",\"b\",0]"),
        CacheKeys.key(RequestType.LOGLIKELIHOOD, new LoglikelihoodRequest("a", "b"), 0));
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", CacheKeys.sha256Hex("abc"));
  }

  @Test
  void everyArgumentAndTheRepeatIndexChangeTheKey() {
    String base = CacheKeys.key(RequestType.LOGLIKELIHOOD, new LoglikelihoodRequest("a b", "c"), 0);
    assertNotEquals(base, CacheKeys.key(RequestType.LOGLIKELIHOOD, new LoglikelihoodRequest("a", " bc"), 0));
    assertNotEquals(base, CacheKeys.key(RequestType.LOGLIKELIHOOD, new LoglikelihoodRequest("a b", "c"), 1));
    GenerationRequest g = new GenerationRequest("a", GenerationParams.greedy(List.of("\n")));
    GenerationRequest g2 = new GenerationRequest("a", GenerationParams.greedy(List.of("\n", ".")));
    assertNotEquals(CacheKeys.key(RequestType.GENERATE_UNTIL, g, 0), CacheKeys.key(RequestType.GENERATE_UNTIL, g2, 0));
    // strings that differ only outside ASCII, even in lone surrogates, never collide
    assertNotEquals(CacheKeys.key(RequestType.LOGLIKELIHOOD_ROLLING, new RollingRequest("\ud800"), 0),
        CacheKeys.key(RequestType.LOGLIKELIHOOD_ROLLING, new RollingRequest("?"), 0));
    assertNotEquals(CacheKeys.key(RequestType.LOGLIKELIHOOD_ROLLING, new RollingRequest("\ud800"), 0),
        CacheKeys.key(RequestType.LOGLIKELIHOOD_ROLLING, new RollingRequest("\udc00"), 0));
  }

  @Test
  void extraKwargOrderDoesNotMatter() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("x", 1);
    a.put("y", 2);
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("y", 2);
    b.put("x", 1);
    GenerationParams pa = new GenerationParams(List.of(), OptionalInt.empty(), false, OptionalDouble.empty(), a);
    GenerationParams pb = new GenerationParams(List.of(), OptionalInt.empty(), false, OptionalDouble.empty(), b);
    assertEquals(CacheKeys.key(RequestType.GENERATE_UNTIL, new GenerationRequest("c", pa), 0),
        CacheKeys.key(RequestType.GENERATE_UNTIL, new GenerationRequest("c", pb), 0));
  }

  @Test
  void samplingIsDoSampleOrAPositiveTemperature() {
    assertFalse(CacheKeys.sampled(RequestType.GENERATE_UNTIL,
        new GenerationRequest("c", GenerationParams.greedy(List.of()))));
    assertTrue(CacheKeys.sampled(RequestType.GENERATE_UNTIL, new GenerationRequest("c", new GenerationParams(
        List.of(), OptionalInt.empty(), false, OptionalDouble.of(0.2), Map.of()))));
    assertFalse(CacheKeys.sampled(RequestType.GENERATE_UNTIL, new GenerationRequest("c", new GenerationParams(
        List.of(), OptionalInt.empty(), false, OptionalDouble.of(0.0), Map.of()))));
    assertTrue(CacheKeys.sampled(RequestType.GENERATE_UNTIL, new GenerationRequest("c", new GenerationParams(
        List.of(), OptionalInt.empty(), true, OptionalDouble.empty(), Map.of()))));
    assertFalse(CacheKeys.sampled(RequestType.LOGLIKELIHOOD, new LoglikelihoodRequest("a", "b")));
  }

  @Test
  void aRequestOfTheWrongTypeIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> CacheKeys.key(RequestType.LOGLIKELIHOOD,
        new RollingRequest("x"), 0));
    assertThrows(IllegalArgumentException.class, () -> CacheKeys.key(RequestType.LOGLIKELIHOOD,
        new LoglikelihoodRequest("x", "y"), -1));
  }
}
