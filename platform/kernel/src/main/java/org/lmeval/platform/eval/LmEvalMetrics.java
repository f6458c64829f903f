package org.lmeval.platform.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which listed metrics lm-eval's built-in {@code process_results} produces per document, and in which
 * order (this order becomes the order of the result keys). For {@code loglikelihood},
 * {@code loglikelihood_rolling} and {@code multiple_choice} lm-eval produces a fixed set in a fixed order,
 * whatever the order of {@code metric_list}, and silently produces nothing for its other metric names
 * (so {@code bypass} gives no rows for those tasks under {@code --predict_only}). {@code generate_until}
 * produces every listed metric in list order. Metrics lm-eval does not know (a plugin's own metrics, the
 * Java form of a custom {@code process_results}) are produced for every output type, after the built-in
 * ones, in list order.
 */
public final class LmEvalMetrics {
  /** lm-eval's special pass-through metric ({@code --predict_only}): value None, aggregated to 999. */
  public static final String BYPASS = "bypass";

  /** Every metric name lm-eval 0.4.13 registers ({@code lm_eval/api/metrics.py}). */
  public static final Set<String> REGISTERED = Set.of("acc", "acc_norm", "acc_mutual_info", "acc_bytes",
      "exact_match", "perplexity", "likelihood", "word_perplexity", "byte_perplexity", "bits_per_byte", BYPASS,
      "mcc", "f1", "bleu", "chrf", "chrf++", "ter", "brier_score", "acc_all");

  /** Metrics whose bootstrap lm-eval caps at 100 iterations, by metric name. */
  public static final Set<String> BOOTSTRAP_CAPPED = Set.of("bleu", "chrf", "chrf++", "ter");

  /** The cap for {@link #BOOTSTRAP_CAPPED} metrics. */
  public static final int CAPPED_ITERS = 100;

  private static final Map<OutputType, List<String>> BUILT_IN = Map.of(
      OutputType.LOGLIKELIHOOD, List.of("perplexity", "acc"),
      OutputType.LOGLIKELIHOOD_ROLLING, List.of("word_perplexity", "byte_perplexity", "bits_per_byte"),
      OutputType.MULTIPLE_CHOICE, List.of("acc", "f1", "mcc", "acc_norm", "acc_bytes", "exact_match",
          "brier_score", "likelihood", "acc_mutual_info"));

  private LmEvalMetrics() {}

  /**
   * The listed metric names lm-eval produces values for, in lm-eval's order.
   *
   * @param type the task's output type
   * @param listed the metric names of the task's metric list, in list order (duplicates collapse)
   */
  public static List<String> produced(OutputType type, List<String> listed) {
    List<String> unique = new ArrayList<>();
    for (String name : listed) {
      if (!unique.contains(name)) {
        unique.add(name);
      }
    }
    List<String> builtIn = BUILT_IN.get(type);
    if (builtIn == null) {
      return unique;
    }
    List<String> out = new ArrayList<>();
    for (String name : builtIn) {
      if (unique.contains(name)) {
        out.add(name);
      }
    }
    for (String name : unique) {
      if (!REGISTERED.contains(name)) {
        out.add(name);
      }
    }
    return out;
  }
}
