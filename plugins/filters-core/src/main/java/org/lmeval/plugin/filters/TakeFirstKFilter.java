package org.lmeval.plugin.filters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.filter.Filter;
import org.lmeval.api.support.YamlKwargs;

/**
 * {@code take_first_k}: each request keeps its first {@code k} responses ({@code r[:k]}). As in lm-eval, the
 * first request must have at least {@code k} responses (the task's {@code repeats}).
 */
public final class TakeFirstKFilter implements Filter {
  static final String NAME = "take_first_k";
  private final int k;

  private TakeFirstKFilter(int k) {
    this.k = k;
  }

  static Filter create(Options kwargs) {
    return new TakeFirstKFilter(YamlKwargs.of("filter '" + NAME + "'", kwargs, "k").requireInteger("k"));
  }

  @Override
  public List<Object> apply(List<Object> responses, List<Map<String, Object>> docs) {
    if (responses.isEmpty()) {
      return new ArrayList<>();
    }
    int first = PySequences.length(responses.get(0), NAME);
    if (first < k) {
      throw new EvalException(ErrorCode.INVALID_TASK, "filter '" + NAME + "': need at least " + k
          + " responses per request to take the first " + k + ", got " + first + "; increase the task's repeats");
    }
    List<Object> out = new ArrayList<>(responses.size());
    for (Object r : responses) {
      out.add(PySequences.prefix(r, k, NAME));
    }
    return out;
  }
}
