package org.lmeval.api.metric;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.lmeval.api.model.LoglikelihoodResult;

/**
 * One evaluated document as a metric sees it, after filtering. Read-only; the kernel implements it, and
 * may add methods (with defaults) in later minor versions.
 */
public interface Sample {
  /** The document, after {@code process_docs}. */
  Map<String, Object> doc();

  /**
   * The gold answer as lm-eval resolves it for this output type: for {@code multiple_choice} the index
   * (or list of indices) of the gold choice, -100 if not found; for {@code generate_until} the target
   * (the choice text when the task has choices); for {@code loglikelihood_rolling} the text scored.
   */
  Object target();

  /** The answer choices ({@code doc_to_choice}); empty if the task has none. */
  List<String> choices();

  /**
   * The filtered response: for generation usually a {@code String} (a {@code List} after e.g.
   * {@code take_first_k}); for log-likelihood types the filtered value of the first request.
   */
  Object response();

  /** The log-likelihood results in request order ({@code multiple_choice}: one per choice, then the
   * unconditional ones when {@code acc_mutual_info} is requested). Empty for other output types. */
  List<LoglikelihoodResult> loglikelihoods();

  /** The rolling log-likelihood for {@code loglikelihood_rolling} tasks. */
  OptionalDouble rollingLogprob();
}
