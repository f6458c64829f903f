package org.lmeval.platform.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingRequest;

/**
 * Cache keys: the sha256 (hex) of a request's canonical JSON, {@code [type, arguments..., repeat index]}:
 *
 * <ul>
 *   <li>{@code ["loglikelihood", context, continuation, r]}
 *   <li>{@code ["loglikelihood_rolling", text, r]}
 *   <li>{@code ["generate_until", context, {"do_sample":..,"extra":{..},"max_gen_toks":..,"temperature":..,
 *       "until":[..]}, r]}
 * </ul>
 *
 * <p>The repeat index {@code r} is 0 for deterministic requests (every repeat has the same answer, so one entry
 * serves them all) and, for {@link #sampled sampled} generations, the occurrence of that request in the run
 * (0, 1, 2, ... for lm-eval's {@code repeats}), so a resumed run gets back the samples it already drew. The
 * model is not in the key: it is in the namespace ({@link ModelFingerprint#namespace}).
 */
public final class CacheKeys {
  /**
   * The version of the key derivation, written into every namespace: a change to the canonical form bumps it,
   * so old entries are never looked up with new keys.
   */
  public static final int KEY_VERSION = 1;

  private static final HexFormat HEX = HexFormat.of();

  private CacheKeys() {}

  /** The key of {@code request} (a request record of {@code type}) at {@code repeatIndex}. */
  public static String key(RequestType type, Object request, int repeatIndex) {
    return sha256Hex(canonicalRequest(type, request, repeatIndex));
  }

  /** The canonical JSON the key is the hash of. */
  public static String canonicalRequest(RequestType type, Object request, int repeatIndex) {
    if (repeatIndex < 0) {
      throw new IllegalArgumentException("repeat index must be >= 0, got " + repeatIndex);
    }
    List<Object> form = new ArrayList<>(5);
    form.add(type.lmEvalName());
    switch (type) {
      case LOGLIKELIHOOD -> {
        LoglikelihoodRequest r = cast(LoglikelihoodRequest.class, type, request);
        form.add(r.context());
        form.add(r.continuation());
      }
      case LOGLIKELIHOOD_ROLLING -> form.add(cast(RollingRequest.class, type, request).text());
      case GENERATE_UNTIL -> {
        GenerationRequest r = cast(GenerationRequest.class, type, request);
        form.add(r.context());
        form.add(generationKwargs(r.params()));
      }
    }
    form.add(repeatIndex);
    return CanonicalJson.write(form);
  }

  /**
   * Whether a request draws a sample (each repeat its own answer): a generation with {@code do_sample} or a
   * temperature above 0. lm-eval never caches these; here they are cached per repeat index.
   */
  public static boolean sampled(RequestType type, Object request) {
    if (type != RequestType.GENERATE_UNTIL) {
      return false;
    }
    GenerationParams p = cast(GenerationRequest.class, type, request).params();
    return p.doSample() || (p.temperature().isPresent() && p.temperature().getAsDouble() > 0);
  }

  /** Lower-case hex sha256 of the UTF-8 bytes of {@code text}. */
  public static String sha256Hex(String text) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static Map<String, Object> generationKwargs(GenerationParams p) {
    Map<String, Object> kwargs = new java.util.TreeMap<>();
    kwargs.put("until", p.until());
    kwargs.put("max_gen_toks", p.maxGenToks().isPresent() ? (Object) p.maxGenToks().getAsInt() : null);
    kwargs.put("do_sample", p.doSample());
    kwargs.put("temperature", p.temperature().isPresent() ? (Object) p.temperature().getAsDouble() : null);
    kwargs.put("extra", p.extra());
    return kwargs;
  }

  private static <T> T cast(Class<T> expected, RequestType type, Object request) {
    if (!expected.isInstance(request)) {
      throw new IllegalArgumentException("a " + type.lmEvalName() + " request must be a " + expected.getSimpleName()
          + ", got " + (request == null ? "null" : request.getClass().getName()));
    }
    return expected.cast(request);
  }
}
