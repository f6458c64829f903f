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
 * @param chatTemplate {@code --apply_chat_template}: the model's chat template, or null for plain-text prompts
 * @param fewshotAsMultiturn {@code --fewshot_as_multiturn} (used only with a chat template)
 */
public record RunOptions(Integer numFewshot, Integer fewshotSeed, Double limit, Map<String, List<Integer>> samples,
    String systemInstruction, Map<String, Object> genKwargs, boolean predictOnly, Map<String, Object> metadata,
    boolean confirmUnsafeCode, ChatTemplate chatTemplate, boolean fewshotAsMultiturn) {

  public RunOptions {
    genKwargs = genKwargs == null ? Map.of() : genKwargs;
    metadata = metadata == null ? Map.of() : metadata;
  }

  /** Plain-text prompts. */
  public RunOptions(Integer numFewshot, Integer fewshotSeed, Double limit, Map<String, List<Integer>> samples,
      String systemInstruction, Map<String, Object> genKwargs, boolean predictOnly, Map<String, Object> metadata,
      boolean confirmUnsafeCode) {
    this(numFewshot, fewshotSeed, limit, samples, systemInstruction, genKwargs, predictOnly, metadata,
        confirmUnsafeCode, null, false);
  }

  /** No overrides: lm-eval's defaults (seed 1234). */
  public static RunOptions defaults() {
    return new RunOptions(null, 1234, null, null, null, Map.of(), false, Map.of(), false);
  }

  /** The options a run's settings imply, for plain-text prompts (no model at hand for a chat template). */
  public static RunOptions of(EvalSettings s) {
    if (s.applyChatTemplate() != null) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "--apply_chat_template needs the model's chat template: "
          + "prompts with it are built only in a run (lm-eval run), once the model is open");
    }
    return of(s, null);
  }

  /**
   * The options a run's settings imply.
   *
   * @param chat the opened model's chat template when {@code --apply_chat_template} is given, else null
   */
  public static RunOptions of(EvalSettings s, ChatTemplate chat) {
    if (s.limit() != null && s.samples() != null) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "--limit and --samples cannot be used together");
    }
    if (s.applyChatTemplate() != null && chat == null) {
      throw new IllegalArgumentException("--apply_chat_template is set but no chat template was given");
    }
    if (Boolean.TRUE.equals(s.fewshotAsMultiturn()) && s.applyChatTemplate() == null) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT,
          "--fewshot_as_multiturn needs --apply_chat_template (few-shot turns exist only in a chat template)");
    }
    Map<String, Object> meta = new java.util.LinkedHashMap<>(s.modelArgs());
    meta.putAll(s.metadata());
    return new RunOptions(s.numFewshot(), s.fewshotSeed(), s.limit(), s.samples(), s.systemInstruction(),
        s.genKwargs(), s.predictOnly(), meta, s.confirmRunUnsafeCode(), s.applyChatTemplate() == null ? null : chat,
        fewshotAsMultiturn(s));
  }

  /**
   * The effective {@code fewshot_as_multiturn}: as given, else lm-eval's default ({@code simple_evaluate}: true;
   * it matters only with a chat template).
   */
  public static boolean fewshotAsMultiturn(EvalSettings s) {
    return s.fewshotAsMultiturn() != null ? s.fewshotAsMultiturn() : s.applyChatTemplate() != null;
  }

  /** A copy with another limit (and no samples): used to render the first N prompts. */
  public RunOptions withLimit(int n) {
    return new RunOptions(numFewshot, fewshotSeed, (double) n, null, systemInstruction, genKwargs, predictOnly,
        metadata, confirmUnsafeCode, chatTemplate, fewshotAsMultiturn);
  }
}
