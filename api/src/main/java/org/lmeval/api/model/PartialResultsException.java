package org.lmeval.api.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/**
 * A batch that failed after some of its requests were answered: what a {@link LanguageModel} throws instead of a
 * plain {@link EvalException} when it holds results it already received (an API backend whose server refused one
 * request of many, a local model that ran out of memory on the last sub-batch). It carries the failure's code and
 * message and the results received, by their index in the batch the model was given: a
 * {@link LoglikelihoodResult} for {@code loglikelihood}, a {@link RollingResult} for {@code loglikelihoodRolling}, a
 * {@link String} for {@code generateUntil}.
 *
 * <p>The kernel checks these results as it checks a full batch's, commits them to the response cache (so a rerun
 * sends only the requests that were not answered), and then fails the run with this exception's message. A model
 * that has no result to offer throws a plain {@link EvalException}.
 */
public class PartialResultsException extends EvalException {
  private static final long serialVersionUID = 1L;

  private final transient Map<Integer, Object> results;

  /**
   * @param code what went wrong (usually the failure's own code, e.g. {@code BACKEND_FAILURE})
   * @param message the failure's message
   * @param results the results received, by index in the batch; null keys or values are not allowed
   * @param cause the underlying failure, or null
   */
  public PartialResultsException(ErrorCode code, String message, Map<Integer, ?> results, Throwable cause) {
    super(code, message, cause);
    TreeMap<Integer, Object> copy = new TreeMap<>();
    Objects.requireNonNull(results, "results").forEach((index, result) -> copy.put(
        Objects.requireNonNull(index, "index"), Objects.requireNonNull(result, () -> "result " + index)));
    this.results = Collections.unmodifiableMap(copy);
  }

  /** The failure {@code cause} (its code and message) with the results received before it. */
  public PartialResultsException(EvalException cause, Map<Integer, ?> results) {
    this(cause.code(), cause.getMessage(), results, cause);
  }

  /** The results received, by index in the batch, in index order; unmodifiable. */
  public Map<Integer, Object> results() {
    return results;
  }

  /** The same results and code under another message (e.g. prefixed with the plugin's name); same cause. */
  public PartialResultsException withMessage(String message) {
    PartialResultsException e = new PartialResultsException(code(), message, results, getCause());
    e.setStackTrace(getStackTrace());
    for (Throwable s : getSuppressed()) {
      e.addSuppressed(s);
    }
    return e;
  }

  /** The same code, message and cause with other results (e.g. re-indexed for an enclosing batch). */
  public PartialResultsException withResults(Map<Integer, ?> other) {
    PartialResultsException e = new PartialResultsException(code(), getMessage(), other, getCause());
    e.setStackTrace(getStackTrace());
    for (Throwable s : getSuppressed()) {
      e.addSuppressed(s);
    }
    return e;
  }
}
