package org.lmeval.plugin.filters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmeval.api.Options;
import org.lmeval.api.filter.Filter;
import org.lmeval.api.support.YamlKwargs;

/**
 * {@code majority_vote}: each request's responses become a one-element list holding the most frequent one; ties
 * go to the response seen first ({@code Counter.most_common(1)}).
 */
public final class MajorityVoteFilter implements Filter {
  static final String NAME = "majority_vote";

  static Filter create(Options kwargs) {
    YamlKwargs.of("filter '" + NAME + "'", kwargs);
    return new MajorityVoteFilter();
  }

  @Override
  public List<Object> apply(List<Object> responses, List<Map<String, Object>> docs) {
    List<Object> out = new ArrayList<>(responses.size());
    for (Object r : responses) {
      Map<Object, Integer> counts = new LinkedHashMap<>();
      for (Object x : PySequences.iterate(r, NAME)) {
        counts.merge(x, 1, Integer::sum);
      }
      Object vote = null;
      int best = 0;
      for (Map.Entry<Object, Integer> e : counts.entrySet()) {
        if (e.getValue() > best) {
          best = e.getValue();
          vote = e.getKey();
        }
      }
      if (best == 0) {
        throw new org.lmeval.api.EvalException(org.lmeval.api.ErrorCode.INVALID_TASK,
            "filter '" + NAME + "' got a request without responses");
      }
      List<Object> one = new ArrayList<>(1);
      one.add(vote);
      out.add(one);
    }
    return out;
  }
}
