package org.lmeval.examples.metric;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.lmeval.api.metric.Sample;
import org.lmeval.api.model.LoglikelihoodResult;

/** A generation sample for tests: the kernel implements {@link Sample} in real runs. */
record TextSample(Object response) implements Sample {
  @Override
  public Map<String, Object> doc() {
    return Map.of("question", "Say hi");
  }

  @Override
  public Object target() {
    return "hi";
  }

  @Override
  public List<String> choices() {
    return List.of();
  }

  @Override
  public List<LoglikelihoodResult> loglikelihoods() {
    return List.of();
  }

  @Override
  public OptionalDouble rollingLogprob() {
    return OptionalDouble.empty();
  }
}
