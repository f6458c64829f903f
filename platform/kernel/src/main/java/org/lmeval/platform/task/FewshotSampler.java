package org.lmeval.platform.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.support.PythonRandom;

/**
 * lm-eval 0.4.13's few-shot samplers over a pool of documents in dataset order.
 *
 * <ul>
 *   <li>{@code default}: {@code rnd.sample(pool, n)}, or, when the evaluated document is given (few-shot
 *       split == test split, also when both are null), {@code rnd.sample(pool, n + 1)} with every copy of
 *       that document removed and the first n kept; if duplicates of it left fewer than n, draw n again
 *       from the pool without it. One RNG per task, advancing across documents.
 *   <li>{@code first_n}: the first n of the pool, after removing the evaluated document when given.
 * </ul>
 */
abstract class FewshotSampler {
  static final List<String> NAMES = List.of("default", "first_n");

  protected final List<Map<String, Object>> pool;
  protected final String task;

  FewshotSampler(List<Map<String, Object>> pool, String task) {
    this.pool = pool;
    this.task = task;
  }

  /** The sampler registered under {@code name} (lm-eval's SAMPLER_REGISTRY). */
  static FewshotSampler create(String name, List<Map<String, Object>> pool, PythonRandom rnd, String task,
      String where) {
    if ("default".equals(name)) {
      return new RandomSampler(pool, rnd, task);
    }
    if ("first_n".equals(name)) {
      return new FirstNSampler(pool, task);
    }
    throw new EvalException(ErrorCode.INVALID_TASK, "task '" + task + "': unknown fewshot_config.sampler '" + name
        + "' in " + where + org.lmeval.platform.util.Suggestions.didYouMean(String.valueOf(name), NAMES)
        + " (lm-eval 0.4.13 has: default, first_n)");
  }

  /**
   * The examples for one evaluated document.
   *
   * @param evalDoc the evaluated document when it must be excluded, else null
   */
  abstract List<Map<String, Object>> sample(int n, Map<String, Object> evalDoc);

  /** The default (random) sampler. */
  static final class RandomSampler extends FewshotSampler {
    private final PythonRandom rnd;

    RandomSampler(List<Map<String, Object>> pool, PythonRandom rnd, String task) {
      super(pool, task);
      this.rnd = rnd;
    }

    @Override
    List<Map<String, Object>> sample(int n, Map<String, Object> evalDoc) {
      if (n == 0) {
        return List.of();
      }
      if (pool.isEmpty()) {
        throw new EvalException(ErrorCode.INVALID_TASK, "task '" + task + "': no documents to draw few-shot "
            + "examples from");
      }
      List<Map<String, Object>> res;
      if (evalDoc == null || evalDoc.isEmpty()) {
        res = draw(pool, n);
      } else {
        res = new ArrayList<>();
        for (Map<String, Object> d : draw(pool, n + 1)) {
          if (!d.equals(evalDoc)) {
            res.add(d);
          }
        }
        if (res.size() > n) {
          res = res.subList(0, n);
        }
      }
      if (res.size() < n) {
        List<Map<String, Object>> without = new ArrayList<>();
        for (Map<String, Object> d : pool) {
          if (!d.equals(evalDoc)) {
            without.add(d);
          }
        }
        res = draw(without, n);
      }
      return res;
    }

    private List<Map<String, Object>> draw(List<Map<String, Object>> from, int k) {
      if (k > from.size()) {
        throw new EvalException(ErrorCode.INVALID_TASK, "task '" + task + "': cannot draw " + k
            + " few-shot examples from a pool of " + from.size() + " documents (Python: Sample larger than "
            + "population or is negative)");
      }
      return rnd.sample(from, k);
    }
  }

  /** The {@code first_n} sampler. */
  static final class FirstNSampler extends FewshotSampler {
    FirstNSampler(List<Map<String, Object>> pool, String task) {
      super(pool, task);
    }

    @Override
    List<Map<String, Object>> sample(int n, Map<String, Object> evalDoc) {
      if (n == 0) {
        return List.of();
      }
      List<Map<String, Object>> from = pool;
      if (evalDoc != null) {
        from = new ArrayList<>();
        for (Map<String, Object> d : pool) {
          if (!d.equals(evalDoc)) {
            from.add(d);
          }
        }
      }
      if (n > from.size()) {
        throw new EvalException(ErrorCode.INVALID_TASK, "task '" + task + "': number of few-shot samples requested ("
            + n + ") exceeds the " + from.size() + " that are available");
      }
      return from.subList(0, n);
    }
  }
}
