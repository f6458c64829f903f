package org.lmeval.server;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;

/**
 * A deterministic character-level model whose log-probabilities obey the chain rule, like a real language model:
 * {@code log P(ab | c) = log P(a | c) + log P(b | ca)}. So scoring a text through {@link OpenAiCompatibleServer}
 * token by token (whatever the split) gives exactly what scoring it in process gives, which
 * the testkit's {@code FakeLanguageModel} (a hash of the whole request) cannot.
 *
 * <p>Each character depends on the one before it (a bigram model; the text's start counts as a character of its
 * own): one "greedy" successor gets {@code -0.01}, every other character a value in {@code [-3.05, -0.05)} from a
 * hash of the seed and the pair. A continuation is greedy when each of its characters is the greedy successor.
 * Sums run left to right from 0, as the HTTP client sums token log-probs. Generation appends greedy successors up
 * to {@code max_gen_toks} characters (default 32) and cuts at the first stop sequence.
 */
public final class ChainRuleLanguageModel implements LanguageModel {
  private static final int START = -1;
  private static final String ALPHABET = " etaoinshrdlucmfwypvbgk.,";
  private static final double GREEDY = -0.01;

  private final long seed;

  public ChainRuleLanguageModel() {
    this(0L);
  }

  public ChainRuleLanguageModel(long seed) {
    this.seed = seed;
  }

  /** log P(c | previous character), and whether c is the most likely successor. */
  public double logprob(int previous, int c) {
    if (c == greedySuccessor(previous)) {
      return GREEDY;
    }
    return -(0.05 + 3.0 * unit(previous, c));
  }

  /** The most likely character after {@code previous} ({@code -1} for the start of the text). */
  public int greedySuccessor(int previous) {
    return ALPHABET.charAt((int) (unit(previous, -7) * ALPHABET.length()));
  }

  @Override
  public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
    List<LoglikelihoodResult> out = new ArrayList<>(batch.size());
    for (LoglikelihoodRequest r : batch) {
      int previous = last(r.context());
      double sum = 0;
      boolean greedy = true;
      int[] cps = r.continuation().codePoints().toArray();
      for (int c : cps) {
        sum += logprob(previous, c);
        greedy &= c == greedySuccessor(previous);
        previous = c;
      }
      out.add(new LoglikelihoodResult(sum, greedy));
    }
    return out;
  }

  @Override
  public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
    List<RollingResult> out = new ArrayList<>(batch.size());
    for (RollingRequest r : batch) {
      out.add(new RollingResult(loglikelihood(List.of(new LoglikelihoodRequest("", r.text()))).get(0).logprob()));
    }
    return out;
  }

  @Override
  public List<String> generateUntil(List<GenerationRequest> batch) {
    List<String> out = new ArrayList<>(batch.size());
    for (GenerationRequest r : batch) {
      int n = r.params().maxGenToks().orElse(32);
      StringBuilder sb = new StringBuilder();
      int previous = last(r.context());
      for (int k = 0; k < n; k++) {
        int c = greedySuccessor(previous);
        sb.appendCodePoint(c);
        previous = c;
      }
      String text = sb.toString();
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
    return EnumSet.allOf(RequestType.class);
  }

  @Override
  public String modelName() {
    return "chain-rule";
  }

  private static int last(String s) {
    return s.isEmpty() ? START : s.codePointBefore(s.length());
  }

  /** A number in [0, 1) from the seed and two ints (SplitMix64 finaliser). */
  private double unit(int a, int b) {
    long z = seed * 0x9E3779B97F4A7C15L + (((long) a) << 32 ^ (b & 0xffffffffL));
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }
}
