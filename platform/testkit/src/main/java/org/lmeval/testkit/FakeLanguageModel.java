package org.lmeval.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;

/**
 * A deterministic stand-in for a real model, like lm-eval's {@code dummy} model: log-likelihoods are
 * {@code -u} with {@code u} in [0, 1), greedy is false, generations are {@code "lol"} cut at the first stop
 * sequence. Unlike {@code dummy}, {@code u} is not drawn from a global random stream but derived from a hash of
 * the seed and the request's content, so a request gets the same answer in any batch, order or run.
 *
 * <p>Every batch is recorded ({@link #calls()}) so tests can check what the kernel sent.
 */
public final class FakeLanguageModel implements LanguageModel {
  /** What {@code dummy} generates. */
  public static final String GENERATION = "lol";

  /** One call the model received. */
  public record Call(RequestType type, int batchSize) {}

  private final long seed;
  private final Set<RequestType> supported;
  private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

  /** All request types, seed 0. */
  public FakeLanguageModel() {
    this(0L, EnumSet.allOf(RequestType.class));
  }

  public FakeLanguageModel(long seed, Set<RequestType> supported) {
    this.seed = seed;
    this.supported = supported.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(supported));
  }

  /** A fake model that serves only the given types and refuses the others with {@code UNSUPPORTED_REQUEST}. */
  public static FakeLanguageModel supporting(RequestType... types) {
    EnumSet<RequestType> set = EnumSet.noneOf(RequestType.class);
    set.addAll(List.of(types));
    return new FakeLanguageModel(0L, set);
  }

  @Override
  public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
    require(RequestType.LOGLIKELIHOOD, batch.size());
    List<LoglikelihoodResult> out = new ArrayList<>(batch.size());
    for (LoglikelihoodRequest r : batch) {
      out.add(new LoglikelihoodResult(-unit("loglikelihood", r.context(), r.continuation()), false));
    }
    return out;
  }

  @Override
  public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
    require(RequestType.LOGLIKELIHOOD_ROLLING, batch.size());
    List<RollingResult> out = new ArrayList<>(batch.size());
    for (RollingRequest r : batch) {
      out.add(new RollingResult(-unit("loglikelihood_rolling", r.text())));
    }
    return out;
  }

  @Override
  public List<String> generateUntil(List<GenerationRequest> batch) {
    require(RequestType.GENERATE_UNTIL, batch.size());
    List<String> out = new ArrayList<>(batch.size());
    for (GenerationRequest r : batch) {
      String text = GENERATION;
      for (String stop : r.params().until()) {
        int at = stop.isEmpty() ? -1 : text.indexOf(stop);
        if (at >= 0) {
          text = text.substring(0, at);
        }
      }
      out.add(text);
    }
    return out;
  }

  @Override
  public Set<RequestType> supportedRequests() {
    return supported;
  }

  @Override
  public String modelName() {
    return "fake";
  }

  /** Every batch received so far, in order (refused ones included). */
  public List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  private void require(RequestType type, int size) {
    calls.add(new Call(type, size));
    if (!supported.contains(type)) {
      throw new EvalException(ErrorCode.UNSUPPORTED_REQUEST, "the fake model does not serve " + type.lmEvalName()
          + " requests; it serves: " + supported.stream().map(RequestType::lmEvalName)
              .collect(Collectors.joining(", ")));
    }
  }

  /** A number in [0, 1) from the seed and the fields, stable across runs and JVMs. */
  private double unit(String... fields) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(Long.toString(seed).getBytes(StandardCharsets.UTF_8));
      for (String f : fields) {
        sha.update((byte) 0);
        sha.update(f.getBytes(StandardCharsets.UTF_8));
      }
      byte[] d = sha.digest();
      long bits = 0;
      for (int i = 0; i < 8; i++) {
        bits = (bits << 8) | (d[i] & 0xff);
      }
      return (bits >>> 11) * 0x1.0p-53;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
