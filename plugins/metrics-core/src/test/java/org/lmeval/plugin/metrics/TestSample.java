package org.lmeval.plugin.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.lmeval.api.metric.Sample;
import org.lmeval.api.model.LoglikelihoodResult;

/** A {@link Sample} built by tests, shaped as the kernel builds it for each output type. */
public record TestSample(Map<String, Object> doc, Object target, List<String> choices, Object response,
                         List<LoglikelihoodResult> loglikelihoods, OptionalDouble rollingLogprob)
    implements Sample {

  public static TestSample multipleChoice(List<String> choices, double[] lls, boolean[] greedy,
                                          double[] unconditional, Object target) {
    List<LoglikelihoodResult> results = new ArrayList<>();
    for (int i = 0; i < lls.length; i++) {
      results.add(new LoglikelihoodResult(lls[i], greedy[i]));
    }
    if (unconditional != null) {
      for (double u : unconditional) {
        results.add(new LoglikelihoodResult(u, false));
      }
    }
    return new TestSample(Map.of(), target, choices, results.get(0), results, OptionalDouble.empty());
  }

  public static TestSample multipleChoice(Map<String, Object> doc, List<String> choices, double[] lls) {
    List<LoglikelihoodResult> results = new ArrayList<>();
    for (double ll : lls) {
      results.add(new LoglikelihoodResult(ll, false));
    }
    return new TestSample(doc, 0, choices, results.get(0), results, OptionalDouble.empty());
  }

  public static TestSample loglikelihood(double ll, boolean greedy, String target) {
    LoglikelihoodResult r = new LoglikelihoodResult(ll, greedy);
    return new TestSample(Map.of(), target, List.of(), r, List.of(r), OptionalDouble.empty());
  }

  public static TestSample rolling(Map<String, Object> doc, String target, double ll) {
    return new TestSample(doc, target, List.of(), ll, List.of(), OptionalDouble.of(ll));
  }

  public static TestSample generation(Object target, Object response) {
    return new TestSample(Map.of(), target, List.of(), response, List.of(), OptionalDouble.empty());
  }

  public static TestSample generation(Map<String, Object> doc, Object target, Object response) {
    return new TestSample(doc, target, List.of(), response, List.of(), OptionalDouble.empty());
  }
}
