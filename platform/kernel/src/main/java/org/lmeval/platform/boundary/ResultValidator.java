package org.lmeval.platform.boundary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.PartialResultsException;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;

/**
 * Checks what plugins return before the kernel uses it (JUnit's {@code EngineDiscoveryResultValidator} idea):
 * results have the input's size, contain no nulls, and log-probabilities are finite and {@code <= 0}. A
 * violation is an {@link EvalException} naming the component, the plugin, the position and the value.
 */
public final class ResultValidator {
  private ResultValidator() {}

  /** Validates log-likelihood results against their batch; returns an unmodifiable copy. */
  public static List<LoglikelihoodResult> loglikelihood(Boundary boundary, String component,
      List<LoglikelihoodRequest> batch, List<LoglikelihoodResult> results) {
    String operation = "a loglikelihood batch of " + batch.size();
    List<LoglikelihoodResult> copy = sameSizeNoNulls(boundary, component, operation, ErrorCode.BACKEND_FAILURE,
        batch.size(), results);
    for (int i = 0; i < copy.size(); i++) {
      int index = i;
      checkLogprob(boundary, component, operation, i, copy.get(i).logprob(), () -> {
        LoglikelihoodRequest r = batch.get(index);
        return "context " + excerpt(r.context()) + ", continuation " + excerpt(r.continuation());
      });
    }
    return copy;
  }

  /** Validates rolling results against their batch; returns an unmodifiable copy. */
  public static List<RollingResult> rolling(Boundary boundary, String component, List<RollingRequest> batch,
      List<RollingResult> results) {
    String operation = "a loglikelihood_rolling batch of " + batch.size();
    List<RollingResult> copy = sameSizeNoNulls(boundary, component, operation, ErrorCode.BACKEND_FAILURE,
        batch.size(), results);
    for (int i = 0; i < copy.size(); i++) {
      int index = i;
      checkLogprob(boundary, component, operation, i, copy.get(i).logprob(),
          () -> "text " + excerpt(batch.get(index).text()));
    }
    return copy;
  }

  /** Validates generations against their batch; returns an unmodifiable copy. */
  public static List<String> generations(Boundary boundary, String component, int batchSize, List<String> results) {
    return sameSizeNoNulls(boundary, component, "a generate_until batch of " + batchSize, ErrorCode.BACKEND_FAILURE,
        batchSize, results);
  }

  /**
   * Validates the results a failed loglikelihood batch carries, as {@link #loglikelihood} validates a full batch's:
   * each index within the batch, each result a non-null {@link LoglikelihoodResult} with a finite logprob
   * {@code <= 0}. Returns the exception with a checked copy of its results; an invalid one is an invalid-result
   * error instead (so nothing of that batch reaches the cache), with the failure attached as suppressed.
   */
  public static PartialResultsException partialLoglikelihood(Boundary boundary, String component,
      List<LoglikelihoodRequest> batch, PartialResultsException failure) {
    return partial(boundary, component, "a loglikelihood batch of " + batch.size(), batch.size(),
        LoglikelihoodResult.class, failure, (i, r) -> {
          LoglikelihoodRequest q = batch.get(i);
          checkLogprob(boundary, component, "a loglikelihood batch of " + batch.size(), i,
              ((LoglikelihoodResult) r).logprob(), () -> "context " + excerpt(q.context()) + ", continuation "
                  + excerpt(q.continuation()));
        });
  }

  /** As {@link #partialLoglikelihood}, for a loglikelihood_rolling batch. */
  public static PartialResultsException partialRolling(Boundary boundary, String component,
      List<RollingRequest> batch, PartialResultsException failure) {
    return partial(boundary, component, "a loglikelihood_rolling batch of " + batch.size(), batch.size(),
        RollingResult.class, failure, (i, r) -> checkLogprob(boundary, component,
            "a loglikelihood_rolling batch of " + batch.size(), i, ((RollingResult) r).logprob(),
            () -> "text " + excerpt(batch.get(i).text())));
  }

  /** As {@link #partialLoglikelihood}, for a generate_until batch: each result a String. */
  public static PartialResultsException partialGenerations(Boundary boundary, String component, int batchSize,
      PartialResultsException failure) {
    return partial(boundary, component, "a generate_until batch of " + batchSize, batchSize, String.class, failure,
        (i, r) -> { });
  }

  private interface ResultCheck {
    void check(int index, Object result);
  }

  private static PartialResultsException partial(Boundary boundary, String component, String operation, int size,
      Class<?> type, PartialResultsException failure, ResultCheck check) {
    try {
      Map<Integer, Object> results = failure.results();
      if (results == null) {
        throw boundary.invalidResult(component, operation, ErrorCode.BACKEND_FAILURE,
            "the partial results of a failed batch are null");
      }
      Map<Integer, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<Integer, Object> e : results.entrySet()) {
        int index = e.getKey();
        Object result = e.getValue();
        if (index < 0 || index >= size) {
          throw boundary.invalidResult(component, operation, ErrorCode.BACKEND_FAILURE, "a partial result for index "
              + index + ", outside the batch of " + size);
        }
        if (!type.isInstance(result)) {
          throw boundary.invalidResult(component, operation, ErrorCode.BACKEND_FAILURE, "partial result " + index
              + " is " + (result == null ? "null" : "a " + result.getClass().getSimpleName()) + ", not a "
              + type.getSimpleName());
        }
        check.check(index, result);
        copy.put(index, result);
      }
      return failure.withResults(copy);
    } catch (EvalException invalid) {
      EvalException withFailure = new EvalException(invalid.code(), invalid.getMessage() + "; the batch had failed: "
          + failure.getMessage(), failure);
      throw withFailure;
    }
  }

  /**
   * Validates a filter's output: same size as its input (the outer list; the elements may be anything the next
   * step accepts, including null). Returns an unmodifiable copy that keeps nulls.
   */
  public static List<Object> filtered(Boundary boundary, String component, int inputSize, List<Object> output) {
    String operation = "a filter over " + inputSize + " responses";
    if (output == null) {
      throw boundary.invalidResult(component, operation, ErrorCode.BACKEND_FAILURE, "the list is null");
    }
    if (output.size() != inputSize) {
      throw boundary.invalidResult(component, operation, ErrorCode.BACKEND_FAILURE, output.size()
          + " responses for " + inputSize + " inputs; a filter MUST keep the outer size and order");
    }
    return Collections.unmodifiableList(new ArrayList<>(output));
  }

  /** A non-null value, or an invalid-result error naming what was null. */
  public static <T> T notNull(Boundary boundary, String component, String operation, ErrorCode code, T value,
      String what) {
    if (value == null) {
      throw boundary.invalidResult(component, operation, code, what + " is null");
    }
    return value;
  }

  /** A list with the expected size and no null element; returns an unmodifiable copy. */
  public static <T> List<T> sameSizeNoNulls(Boundary boundary, String component, String operation, ErrorCode code,
      int expected, List<T> results) {
    List<T> copy = noNulls(boundary, component, operation, code, results, i -> "result " + i);
    if (copy.size() != expected) {
      throw boundary.invalidResult(component, operation, code, copy.size() + " results for " + expected
          + " requests; results MUST have the batch's size and order");
    }
    return copy;
  }

  /** A list with no null element; returns an unmodifiable copy. */
  public static <T> List<T> noNulls(Boundary boundary, String component, String operation, ErrorCode code,
      List<T> results, IntFunction<String> element) {
    if (results == null) {
      throw boundary.invalidResult(component, operation, code, "the list is null");
    }
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i) == null) {
        throw boundary.invalidResult(component, operation, code, element.apply(i) + " is null");
      }
    }
    return List.copyOf(results);
  }

  private static void checkLogprob(Boundary boundary, String component, String operation, int index,
      double logprob, Supplier<String> request) {
    if (!Double.isFinite(logprob) || logprob > 0) {
      throw boundary.invalidResult(component, operation, ErrorCode.BACKEND_FAILURE, "result " + index
          + " has logprob " + logprob + " (" + request.get() + "); log-probabilities MUST be finite and <= 0");
    }
  }

  private static String excerpt(String s) {
    String shown = s.length() <= 40 ? s : s.substring(0, 37) + "...";
    return "'" + shown.replace("\n", "\\n") + "'";
  }
}
