package org.lmeval.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;

/**
 * The {@link LanguageModel} contract as a JUnit 5 suite (Trino's {@code BaseConnectorTest} idea). A backend's
 * test extends it and supplies a small model:
 *
 * <pre>{@code
 * class UniformBytesContractTest extends LanguageModelContract {
 *   protected LanguageModel createModel() { return new UniformBytesModelBackend().open(Options.empty()); }
 * }
 * }</pre>
 *
 * <p>It reads {@link LanguageModel#supportedRequests()} and checks each supported type (same size and order as the
 * batch, no nulls, finite log-probabilities {@code <= 0}, an empty context, determinism, independence of batch
 * order and composition, stop sequences honoured) and that each unsupported type is refused with
 * {@code EvalException(UNSUPPORTED_REQUEST)}. Each check names the rule of {@code docs/spi/model-backend.md} it
 * enforces. Override the {@code *Requests()} methods to use inputs that suit the model, and
 * {@link #tolerance()} if batching changes numerics slightly (padding).
 */
public abstract class LanguageModelContract {
  private LanguageModel model;

  /** A fresh, small model; called before each check and closed after it. */
  protected abstract LanguageModel createModel();

  /** How far two log-probabilities of the same request may differ between batches. */
  protected double tolerance() {
    return 1e-6;
  }

  /** Log-likelihood requests for the checks; at least two, the contexts and continuations all different. */
  protected List<LoglikelihoodRequest> loglikelihoodRequests() {
    return List.of(
        new LoglikelihoodRequest("The capital of France is", " Paris"),
        new LoglikelihoodRequest("Question: Is the sky blue?\nAnswer:", " yes"),
        new LoglikelihoodRequest("2 + 2 =", " 4"),
        new LoglikelihoodRequest("Ünïcödé and emoji 🙂", " ß and more"),
        new LoglikelihoodRequest("A longer context that goes on for a while, with punctuation; and clauses.",
            " It ends here."));
  }

  /** Texts for rolling log-likelihood checks. */
  protected List<RollingRequest> rollingRequests() {
    return List.of(new RollingRequest("The quick brown fox jumps over the lazy dog."),
        new RollingRequest("A second, different document.\nWith two lines."),
        new RollingRequest("x"));
  }

  /** Greedy generation requests with stop sequences and a small token limit. */
  protected List<GenerationRequest> generationRequests() {
    GenerationParams params = new GenerationParams(List.of("\n\n", "Question:"), OptionalInt.of(16), false,
        OptionalDouble.empty(), Map.of());
    return List.of(new GenerationRequest("Question: What is 2 + 2?\nAnswer:", params),
        new GenerationRequest("Once upon a time", params),
        new GenerationRequest("Translate to French: cat =>", params));
  }

  /** The model under test. */
  protected final LanguageModel model() {
    return model;
  }

  @BeforeEach
  public final void openModel() {
    model = createModel();
    assertNotNull(model, "createModel() returned null");
  }

  @AfterEach
  public final void closeModel() {
    if (model != null) {
      model.close();
      model = null;
    }
  }

  private Set<RequestType> supported() {
    Set<RequestType> s = model.supportedRequests();
    assertNotNull(s, "supportedRequests() MUST NOT return null");
    return s.isEmpty() ? EnumSet.noneOf(RequestType.class) : EnumSet.copyOf(s);
  }

  private void assumeSupported(RequestType type) {
    Assumptions.assumeTrue(supported().contains(type), "the model does not serve " + type.lmEvalName());
  }

  @Test
  public void supportsAtLeastOneRequestType() {
    assertTrue(!supported().isEmpty(), "supportedRequests() MUST name at least one request type");
  }

  @Test
  public void preferredBatchSizeIsPositive() {
    assertTrue(model.preferredBatchSize() >= 1, "preferredBatchSize() MUST be at least 1, was "
        + model.preferredBatchSize());
  }

  @Test
  public void loglikelihoodResultsMatchTheBatch() {
    assumeSupported(RequestType.LOGLIKELIHOOD);
    List<LoglikelihoodRequest> batch = loglikelihoodRequests();
    checkLoglikelihoods(batch, model.loglikelihood(batch));
  }

  @Test
  public void loglikelihoodAcceptsAnEmptyContext() {
    assumeSupported(RequestType.LOGLIKELIHOOD);
    List<LoglikelihoodRequest> batch = List.of(new LoglikelihoodRequest("", " hello"),
        new LoglikelihoodRequest("", "world"));
    checkLoglikelihoods(batch, model.loglikelihood(batch));
  }

  @Test
  public void loglikelihoodIsDeterministicIncludingTheGreedyFlag() {
    assumeSupported(RequestType.LOGLIKELIHOOD);
    List<LoglikelihoodRequest> batch = loglikelihoodRequests();
    List<LoglikelihoodResult> first = model.loglikelihood(batch);
    List<LoglikelihoodResult> second = model.loglikelihood(batch);
    checkLoglikelihoods(batch, second);
    for (int i = 0; i < batch.size(); i++) {
      assertClose(first.get(i).logprob(), second.get(i).logprob(), "scoring request " + i + " twice");
      assertEquals(first.get(i).greedy(), second.get(i).greedy(), "the greedy flag of request " + i
          + " MUST NOT change between calls");
    }
  }

  @Test
  public void loglikelihoodIsIndependentOfBatchOrderAndComposition() {
    assumeSupported(RequestType.LOGLIKELIHOOD);
    List<LoglikelihoodRequest> batch = loglikelihoodRequests();
    List<LoglikelihoodResult> forward = model.loglikelihood(batch);
    List<LoglikelihoodRequest> reversedBatch = reversed(batch);
    List<LoglikelihoodResult> backward = reversed(model.loglikelihood(reversedBatch));
    checkLoglikelihoods(batch, forward);
    for (int i = 0; i < batch.size(); i++) {
      assertClose(forward.get(i).logprob(), backward.get(i).logprob(), "request " + i + " in a reversed batch "
          + "(results MUST follow the batch's order)");
      assertEquals(forward.get(i).greedy(), backward.get(i).greedy(), "greedy flag of request " + i
          + " in a reversed batch");
      LoglikelihoodResult alone = model.loglikelihood(List.of(batch.get(i))).get(0);
      assertClose(forward.get(i).logprob(), alone.logprob(), "request " + i + " alone vs. in a batch");
    }
  }

  @Test
  public void rollingResultsMatchTheBatchAndItsOrder() {
    assumeSupported(RequestType.LOGLIKELIHOOD_ROLLING);
    List<RollingRequest> batch = rollingRequests();
    List<RollingResult> forward = model.loglikelihoodRolling(batch);
    checkSizeAndNulls(batch.size(), forward, "loglikelihood_rolling");
    for (int i = 0; i < forward.size(); i++) {
      checkLogprob(forward.get(i).logprob(), "rolling result " + i);
    }
    List<RollingResult> backward = reversed(model.loglikelihoodRolling(reversed(batch)));
    checkSizeAndNulls(batch.size(), backward, "loglikelihood_rolling");
    for (int i = 0; i < batch.size(); i++) {
      assertClose(forward.get(i).logprob(), backward.get(i).logprob(), "rolling request " + i
          + " in a reversed batch");
    }
  }

  @Test
  public void generationsMatchTheBatchAndStopAtStopSequences() {
    assumeSupported(RequestType.GENERATE_UNTIL);
    List<GenerationRequest> batch = generationRequests();
    List<String> forward = model.generateUntil(batch);
    checkSizeAndNulls(batch.size(), forward, "generate_until");
    for (int i = 0; i < batch.size(); i++) {
      for (String stop : batch.get(i).params().until()) {
        assertTrue(stop.isEmpty() || !forward.get(i).contains(stop), "generation " + i + " contains the stop "
            + "sequence '" + stop.replace("\n", "\\n") + "'; output MUST be cut before it: '" + forward.get(i) + "'");
      }
    }
    List<String> backward = reversed(model.generateUntil(reversed(batch)));
    assertEquals(forward, backward, "greedy generations MUST follow the batch's order and not depend on it");
  }

  @Test
  public void emptyBatchesGiveEmptyResults() {
    Set<RequestType> s = supported();
    if (s.contains(RequestType.LOGLIKELIHOOD)) {
      assertEquals(List.of(), model.loglikelihood(List.of()), "loglikelihood of an empty batch");
    }
    if (s.contains(RequestType.LOGLIKELIHOOD_ROLLING)) {
      assertEquals(List.of(), model.loglikelihoodRolling(List.of()), "loglikelihood_rolling of an empty batch");
    }
    if (s.contains(RequestType.GENERATE_UNTIL)) {
      assertEquals(List.of(), model.generateUntil(List.of()), "generate_until of an empty batch");
    }
  }

  @Test
  public void unsupportedRequestTypesAreRefusedWithUnsupportedRequest() {
    Set<RequestType> unsupported = EnumSet.complementOf(EnumSet.copyOf(supported()));
    Assumptions.assumeFalse(unsupported.isEmpty(), "the model serves every request type");
    for (RequestType type : unsupported) {
      Supplier<List<?>> call = switch (type) {
        case LOGLIKELIHOOD -> () -> model.loglikelihood(loglikelihoodRequests());
        case LOGLIKELIHOOD_ROLLING -> () -> model.loglikelihoodRolling(rollingRequests());
        case GENERATE_UNTIL -> () -> model.generateUntil(generationRequests());
      };
      try {
        List<?> answer = call.get();
        fail(type.lmEvalName() + " is not in supportedRequests() but the model answered " + answer
            + "; it MUST throw EvalException(UNSUPPORTED_REQUEST)");
      } catch (EvalException e) {
        assertEquals(ErrorCode.UNSUPPORTED_REQUEST, e.code(), "refusing " + type.lmEvalName() + " MUST use "
            + "UNSUPPORTED_REQUEST, got " + e.code() + ": " + e.getMessage());
      } catch (RuntimeException e) {
        fail("refusing " + type.lmEvalName() + " MUST throw EvalException(UNSUPPORTED_REQUEST), not " + e, e);
      }
    }
  }

  private void checkLoglikelihoods(List<LoglikelihoodRequest> batch, List<LoglikelihoodResult> results) {
    checkSizeAndNulls(batch.size(), results, "loglikelihood");
    for (int i = 0; i < results.size(); i++) {
      checkLogprob(results.get(i).logprob(), "loglikelihood result " + i + " (continuation '"
          + batch.get(i).continuation() + "')");
    }
  }

  private static void checkSizeAndNulls(int expected, List<?> results, String type) {
    assertNotNull(results, type + " MUST NOT return null");
    assertEquals(expected, results.size(), type + " results MUST have the batch's size");
    for (int i = 0; i < results.size(); i++) {
      assertNotNull(results.get(i), type + " result " + i + " MUST NOT be null");
    }
  }

  private static void checkLogprob(double logprob, String what) {
    assertTrue(Double.isFinite(logprob), what + ": log-probabilities MUST be finite, was " + logprob);
    assertTrue(logprob <= 0, what + ": log-probabilities MUST be <= 0, was " + logprob);
  }

  private void assertClose(double expected, double actual, String what) {
    assertTrue(Math.abs(expected - actual) <= tolerance(), what + ": logprob " + actual + " differs from "
        + expected + " by more than " + tolerance());
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }
}
