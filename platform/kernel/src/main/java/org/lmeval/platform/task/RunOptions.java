package org.lmeval.platform.task;

import java.util.List;
import java.util.Map;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.platform.eval.EvalSettings;

/**
 * What a run changes in every selected task (lm-eval's {@code simple_evaluate} overrides and
 * {@code evaluate} arguments), taken from {@link EvalSettings}.
 *
 * @param numFewshot {@code --num_fewshot} or null
 * @param fewshotSeed the few-shot sampler seed, or null for an unseeded (OS entropy) RNG
 * @param limit {@code --limit} or null
 * @param samples {@code --samples} or null
 * @param systemInstruction {@code --system_instruction} or null
 * @param genKwargs {@code --gen_kwargs}, merged into generate_until tasks' {@code generation_kwargs}
 * @param predictOnly {@code --predict_only}: every metric becomes {@code bypass}
 * @param metadata the run metadata merged into every task's {@code metadata}: model args, then
 *     {@code --metadata}
 * @param confirmUnsafeCode {@code --confirm_run_unsafe_code}: tasks marked {@code unsafe_code} may run
 */
public record RunOptions(Integer numFewshot, Integer fewshotSeed, Double limit, Map<String, List<Integer>> samples,
    String systemInstruction, Map<String, Object> genKwargs, boolean predictOnly, Map<String, Object> metadata,
    boolean confirmUnsafeCode) {

  public RunOptions {
    genKwargs = genKwargs == null ? Map.of() : genKwargs;
    metadata = metadata == null ? Map.of() : metadata;
  }

  /** No overrides: lm-eval's defaults (seed 1234). */
  public static RunOptions defaults() {
    return new RunOptions(null, 1234, null, null, null, Map.of(), false, Map.of(), false);
  }

  /** The options a run's settings imply. */
  public static RunOptions of(EvalSettings s) {
    if (s.limit() != null && s.samples() != null) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "--limit and --samples cannot be used together");
    }
    if (s.applyChatTemplate() != null) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "--apply_chat_template is not supported yet by the task "
          + "engine (plain-text prompts only); run without it");
    }
    if (Boolean.TRUE.equals(s.fewshotAsMultiturn())) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT,
          "--fewshot_as_multiturn needs --apply_chat_template, which the task engine does not support yet");
    }
    Map<String, Object> meta = new java.util.LinkedHashMap<>(s.modelArgs());
    meta.putAll(s.metadata());
    return new RunOptions(s.numFewshot(), s.fewshotSeed(), s.limit(), s.samples(), s.systemInstruction(),
        s.genKwargs(), s.predictOnly(), meta, s.confirmRunUnsafeCode());
  }

  /** A copy with another limit (and no samples): used to render the first N prompts. */
  public RunOptions withLimit(int n) {
    return new RunOptions(numFewshot, fewshotSeed, (double) n, null, systemInstruction, genKwargs, predictOnly,
        metadata, confirmUnsafeCode);
  }
}
