package org.lmeval.plugin.metrics.choice;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.metric.Sample;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.plugin.metrics.support.NumpyMath;

/**
 * One multiple-choice document as lm-eval's {@code process_results} sees it: per-choice log-likelihoods and
 * greedy flags, the unconditional log-likelihoods when {@code acc_mutual_info} asked for them, and the gold
 * answer resolved to an index ({@code -100} when it is not a valid choice) or a list of indices.
 */
public final class ChoiceResults {
  /** lm-eval's marker for a gold answer that is not among the choices. */
  public static final int NOT_FOUND = -100;

  private final List<String> choices;
  private final double[] lls;
  private final boolean[] greedy;
  private final double[] unconditional;
  private final Object gold;

  private ChoiceResults(List<String> choices, double[] lls, boolean[] greedy, double[] unconditional, Object gold) {
    this.choices = choices;
    this.lls = lls;
    this.greedy = greedy;
    this.unconditional = unconditional;
    this.gold = gold;
  }

  /** The gold answer: an {@link Integer} index ({@link #NOT_FOUND} if invalid), or a list of them. */
  public Object gold() {
    return gold;
  }

  /** The number of choices. */
  public int size() {
    return lls.length;
  }

  /** A copy of the conditional log-likelihoods, one per choice. */
  public double[] lls() {
    return lls.clone();
  }

  /** Reads a multiple-choice sample; the metric name is for error messages. */
  public static ChoiceResults of(Sample sample, String metric) {
    List<String> choices = sample.choices();
    List<LoglikelihoodResult> results = sample.loglikelihoods();
    int k = choices.size();
    if (k == 0 || (results.size() != k && results.size() != 2 * k)) {
      throw new EvalException(ErrorCode.INVALID_TASK, "metric '" + metric + "': a multiple_choice document with "
          + k + " choices has " + results.size() + " log-likelihoods (expected " + k + ", or " + 2 * k
          + " with acc_mutual_info)");
    }
    double[] lls = new double[k];
    boolean[] greedy = new boolean[k];
    for (int i = 0; i < k; i++) {
      lls[i] = results.get(i).logprob();
      greedy[i] = results.get(i).greedy();
    }
    double[] unconditional = null;
    if (results.size() == 2 * k) {
      unconditional = new double[k];
      for (int i = 0; i < k; i++) {
        unconditional[i] = results.get(k + i).logprob();
      }
    }
    return new ChoiceResults(choices, lls, greedy, unconditional, resolveGold(sample.target(), choices, metric));
  }

  /**
   * lm-eval's gold resolution for multiple choice: an int is kept if below the number of choices, else -100; a
   * string is looked up among the choices (-100 if absent); a list resolves element-wise (multiple targets).
   */
  static Object resolveGold(Object target, List<String> choices, String metric) {
    int k = choices.size();
    if (target instanceof List<?> list) {
      List<Integer> gold = new ArrayList<>(list.size());
      for (Object o : list) {
        int i = integer(o, metric);
        gold.add(i < k ? i : NOT_FOUND);
      }
      return List.copyOf(gold);
    }
    if (target instanceof String s) {
      int i = choices.indexOf(s);
      return i >= 0 ? i : NOT_FOUND;
    }
    int i = integer(target, metric);
    return i < k ? i : NOT_FOUND;
  }

  private static int integer(Object o, String metric) {
    if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte) {
      return Math.toIntExact(((Number) o).longValue());
    }
    if (o instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (o instanceof Double d && d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE) {
      return d.intValue();
    }
    throw new EvalException(ErrorCode.INVALID_TASK, "metric '" + metric
        + "': a multiple_choice target must be a choice index, a choice string or a list of indices, got "
        + (o == null ? "None" : o.getClass().getSimpleName() + " '" + o + "'"));
  }

  /** Whether the task has several gold answers per document. */
  public boolean multipleTargets() {
    return gold instanceof List<?>;
  }

  /** {@code argmax(lls)}. */
  public int pred() {
    return NumpyMath.argmax(lls);
  }

  /** {@code argmax(lls / len(choice))} with lengths in code points. */
  public int predNorm() {
    double[] x = new double[lls.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = lls[i] / (double) choices.get(i).codePointCount(0, choices.get(i).length());
    }
    return NumpyMath.argmax(x);
  }

  /** {@code argmax(lls / len(choice.encode("utf-8")))}. */
  public int predBytes() {
    double[] x = new double[lls.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = lls[i] / (double) choices.get(i).getBytes(StandardCharsets.UTF_8).length;
    }
    return NumpyMath.argmax(x);
  }

  /** {@code argmax(lls - unconditional)}; needs the unconditional log-likelihoods. */
  public int predMutualInfo(String metric) {
    if (unconditional == null) {
      throw new EvalException(ErrorCode.INVALID_TASK, "metric '" + metric
          + "' needs the unconditional log-likelihoods of the choices (one extra request per choice)");
    }
    double[] x = new double[lls.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = lls[i] - unconditional[i];
    }
    return NumpyMath.argmax(x);
  }

  /** 1.0 if the prediction is the gold index (or one of them), else 0.0. */
  public double accuracy(int prediction) {
    if (gold instanceof List<?> list) {
      return list.contains(prediction) ? 1.0 : 0.0;
    }
    return ((Integer) gold) == prediction ? 1.0 : 0.0;
  }

  /** The gold as a single index; a multiple-target task has none. */
  public int singleGold(String metric) {
    if (gold instanceof Integer g) {
      return g;
    }
    throw new EvalException(ErrorCode.INVALID_TASK,
        "metric '" + metric + "' needs one gold answer per document, got the list " + gold);
  }

  /**
   * lm-eval's multiple-choice {@code exact_match}: whether the gold continuation is the greedy one (any gold for
   * multiple targets; 0 when the gold is not a valid choice).
   */
  public int exactMatch(String metric) {
    if (gold instanceof List<?> list) {
      for (Object o : list) {
        int i = (Integer) o;
        if (i != NOT_FOUND && greedyAt(i, metric)) {
          return 1;
        }
      }
      return 0;
    }
    int g = (Integer) gold;
    return g != NOT_FOUND && greedyAt(g, metric) ? 1 : 0;
  }

  /** lm-eval's {@code softmax(lls)}, the per-choice probabilities of {@code brier_score}. */
  public double[] probabilities() {
    return NumpyMath.softmax(lls);
  }

  /** Python's {@code is_greedy[i]} with negative indexing. */
  boolean greedyAt(int i, String metric) {
    int j = i < 0 ? i + greedy.length : i;
    if (j < 0 || j >= greedy.length) {
      throw new EvalException(ErrorCode.INVALID_TASK, "metric '" + metric + "': gold index " + i
          + " is out of range for " + greedy.length + " choices");
    }
    return greedy[j];
  }

  /** The log-likelihoods as a list, for sample logs. */
  public List<Double> llList() {
    List<Double> out = new ArrayList<>(lls.length);
    for (double v : lls) {
      out.add(v);
    }
    return List.copyOf(out);
  }
}
