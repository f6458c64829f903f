package org.lmeval.plugin.metrics.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.support.YamlKwargs;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.Sample;
import org.lmeval.api.metric.Score;
import org.lmeval.api.support.PythonRegex;
import org.lmeval.plugin.metrics.choice.ChoiceResults;
import org.lmeval.plugin.metrics.support.OutputKind;

/**
 * {@code exact_match}. For {@code generate_until}: 1.0 when the prepared response equals the prepared gold
 * (kwargs {@code ignore_case}, {@code ignore_punctuation}, {@code ignore_numbers}, {@code regexes_to_ignore}, see
 * {@link ExactMatchNormalizer}); with several golds, 1.0 when any matches; a list response (no
 * {@code take_first}) scores the fraction of its elements equal to the gold, as numpy's broadcast comparison
 * does. For {@code multiple_choice}: whether the gold choice is the greedy continuation (kwargs unused, as in
 * lm-eval).
 */
public final class ExactMatchMetric implements Metric.PerSample {
  static final String NAME = "exact_match";

  private final ExactMatchNormalizer normalizer;

  private ExactMatchMetric(ExactMatchNormalizer normalizer) {
    this.normalizer = normalizer;
  }

  /** Reads and checks the metric's kwargs. */
  public static ExactMatchMetric create(Options options) {
    YamlKwargs k = YamlKwargs.of("metric '" + NAME + "'", options, "ignore_case", "ignore_punctuation",
        "ignore_numbers", "regexes_to_ignore");
    boolean ignoreCase = k.bool("ignore_case", false);
    boolean ignorePunctuation = k.bool("ignore_punctuation", false);
    boolean ignoreNumbers = k.bool("ignore_numbers", false);
    List<PythonRegex> regexes = new ArrayList<>();
    for (String pattern : k.stringList("regexes_to_ignore")) {
      try {
        regexes.add(PythonRegex.compile(pattern));
      } catch (IllegalArgumentException e) {
        throw k.invalid("regexes_to_ignore", "has an invalid regular expression " + pattern + ": " + e.getMessage());
      }
    }
    return new ExactMatchMetric(new ExactMatchNormalizer(regexes, ignoreCase, ignorePunctuation, ignoreNumbers));
  }

  @Override
  public Score score(Sample sample) {
    return switch (OutputKind.of(sample)) {
      case MULTIPLE_CHOICE -> Score.of(ChoiceResults.of(sample, NAME).exactMatch(NAME));
      case GENERATE_UNTIL -> Score.of(generation(sample));
      default -> throw new EvalException(ErrorCode.INVALID_TASK,
          "metric 'exact_match' applies to generate_until and multiple_choice tasks");
    };
  }

  private double generation(Sample sample) {
    Object response = sample.response();
    if (GenerationTarget.isMultiple(sample)) {
      List<String> golds = GenerationTarget.multiple(sample, NAME);
      if (golds.isEmpty()) {
        return 0.0;
      }
      String prediction = responseString(response);
      List<String> refs = normalizer.normalize(golds);
      List<String> preds = normalizer.normalize(Collections.nCopies(golds.size(), prediction));
      for (int i = 0; i < refs.size(); i++) {
        if (refs.get(i).equals(preds.get(i))) {
          return 1.0;
        }
      }
      return 0.0;
    }
    String gold = GenerationTarget.single(sample, NAME);
    String ref = normalizer.normalize(List.of(gold)).get(0);
    if (response instanceof List<?> list) {
      if (normalizer.usesRegexes()) {
        throw new EvalException(ErrorCode.INVALID_TASK, "metric 'exact_match' with regexes_to_ignore needs one"
            + " string per document, got a list of " + list.size() + " responses (end the filters with take_first;"
            + " lm-eval 0.4.13 fails here too)");
      }
      List<String> preds = new ArrayList<>();
      for (Object o : list) {
        preds.add(responseString(o));
      }
      if (preds.isEmpty()) {
        return Double.NaN; // numpy's mean of an empty comparison
      }
      int equal = 0;
      for (String p : normalizer.normalize(preds)) {
        equal += p.equals(ref) ? 1 : 0;
      }
      return (double) equal / preds.size();
    }
    return normalizer.normalize(List.of(responseString(response))).get(0).equals(ref) ? 1.0 : 0.0;
  }

  private static String responseString(Object response) {
    if (response instanceof String s) {
      return s;
    }
    throw new EvalException(ErrorCode.INVALID_TASK, "metric 'exact_match' compares generated text, got "
        + GenerationTarget.describe(response));
  }
}
