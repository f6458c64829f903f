package org.lmeval.platform.eval;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.lmeval.api.metric.Sample;
import org.lmeval.api.model.LoglikelihoodResult;

/**
 * The kernel's {@link Sample}: one document of one task after one filter set.
 *
 * @param doc the document
 * @param target the gold answer, resolved per output type by {@link GoldResolver}
 * @param choices {@code doc_to_choice(doc)}, or empty
 * @param response the filtered value of the document's first request
 * @param loglikelihoods the filtered log-likelihood results of all the document's requests, in {@code idx}
 *     order (log-likelihood output types only)
 * @param rollingLogprob the rolling log-likelihood ({@code loglikelihood_rolling} only)
 */
public record KernelSample(
    Map<String, Object> doc,
    Object target,
    List<String> choices,
    Object response,
    List<LoglikelihoodResult> loglikelihoods,
    OptionalDouble rollingLogprob) implements Sample {

  /** The same sample with another target (one gold option of a multiple-target generation task). */
  public KernelSample withTarget(Object newTarget) {
    return new KernelSample(doc, newTarget, choices, response, loglikelihoods, rollingLogprob);
  }
}
