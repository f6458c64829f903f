package org.lmeval.platform.eval;

import java.util.List;
import java.util.Map;

/**
 * One named filter pipeline of a task's {@code filter_list} (default: {@code none} = [take_first]).
 *
 * @param name the set's name, used in result keys ({@code exact_match,strict-match})
 * @param steps the filter steps in order
 */
public record FilterSetSpec(String name, List<Step> steps) {
  public FilterSetSpec {
    steps = List.copyOf(steps);
  }

  /** lm-eval's default filter set: {@code none} = take_first. */
  public static FilterSetSpec none() {
    return new FilterSetSpec("none", List.of(new Step("take_first", Map.of())));
  }

  /** One step: the filter's registered name ({@code function}) and its kwargs. */
  public record Step(String function, Map<String, Object> kwargs) {
    public Step {
      kwargs = kwargs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kwargs));
    }
  }
}
