package org.lmeval.plugin.metrics.text;

import java.util.ArrayList;
import java.util.List;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.metric.Sample;

/**
 * The {@code [reference, prediction]} item lm-eval's pass-through {@code bleu}, {@code chrf} and {@code ter}
 * metrics hand to their corpus aggregation.
 *
 * @param reference the gold text
 * @param prediction the generated text
 */
record TranslationItem(String reference, String prediction) {
  static TranslationItem of(Sample sample, String metric) {
    if (GenerationTarget.isMultiple(sample)) {
      throw new EvalException(ErrorCode.INVALID_TASK, "metric '" + metric + "' takes one gold text per document;"
          + " lm-eval 0.4.13 turns a multiple-target " + metric + " into 0/1 and its corpus score then fails");
    }
    return new TranslationItem(GenerationTarget.single(sample, metric), GenerationTarget.singleResponse(sample, metric));
  }

  /** What the sample log records: {@code [gold, result]}. */
  static Object logged(Sample sample, String metric) {
    TranslationItem item = of(sample, metric);
    List<Object> out = new ArrayList<>(2);
    out.add(item.reference());
    out.add(sample.response());
    return out;
  }
}
