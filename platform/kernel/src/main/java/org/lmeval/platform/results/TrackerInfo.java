package org.lmeval.platform.results;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmeval.platform.python.PythonFloat;
import org.lmeval.platform.python.PythonStr;

/**
 * lm-eval's {@code GeneralConfigTracker} fields, the last keys of the results file.
 *
 * @param modelSource the {@code --model} name
 * @param modelName the model's name from its args ({@code peft}, {@code delta}, {@code pretrained},
 *     {@code model}, {@code path}, {@code engine}: the first present), else a random 8-character id
 * @param modelNameSanitized the name with runs of {@code "<>:/|\?*[]} replaced by {@code __}: the output folder
 * @param systemInstruction {@code --system_instruction}, or null
 * @param systemInstructionSha its sha256, or null
 * @param fewshotAsMultiturn {@code fewshot_as_multiturn}
 * @param chatTemplate the chat template applied, or null
 * @param chatTemplateSha its sha256, or null
 * @param totalEvaluationTimeSeconds {@code str(seconds)} from the tracker's creation to saving, or null
 */
public record TrackerInfo(
    String modelSource,
    String modelName,
    String modelNameSanitized,
    String systemInstruction,
    String systemInstructionSha,
    Boolean fewshotAsMultiturn,
    String chatTemplate,
    String chatTemplateSha,
    String totalEvaluationTimeSeconds) {

  private static final List<String> NAME_KEYS = List.of("peft", "delta", "pretrained", "model", "path", "engine");
  private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

  /** {@code log_experiment_args}. */
  public static TrackerInfo of(String modelSource, Map<String, Object> modelArgs, String systemInstruction,
      String chatTemplate, Boolean fewshotAsMultiturn) {
    String name = modelName(modelArgs);
    return new TrackerInfo(modelSource, name, sanitizeModelName(name), systemInstruction,
        systemInstruction == null || systemInstruction.isEmpty() ? null : Hashing.sha256(systemInstruction),
        fewshotAsMultiturn, chatTemplate,
        chatTemplate == null || chatTemplate.isEmpty() ? null : Hashing.sha256(chatTemplate), null);
  }

  /** {@code _get_model_name}, falling back to {@code random_name_id()}. */
  public static String modelName(Map<String, Object> modelArgs) {
    if (modelArgs != null) {
      for (String key : NAME_KEYS) {
        if (modelArgs.containsKey(key)) {
          return PythonStr.str(modelArgs.get(key));
        }
      }
    }
    SecureRandom random = new SecureRandom();
    StringBuilder id = new StringBuilder(8);
    for (int i = 0; i < 8; i++) {
      id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
    }
    return id.toString();
  }

  /** {@code sanitize_model_name}: {@code re.sub(r"[\"<>:/|\\?*\[\]]+", "__", name)}. */
  public static String sanitizeModelName(String name) {
    return name.replaceAll("[\"<>:/|\\\\?*\\[\\]]+", "__");
  }

  /** A copy with {@code total_evaluation_time_seconds = str(seconds)}. */
  public TrackerInfo withTotalEvaluationTime(double seconds) {
    return new TrackerInfo(modelSource, modelName, modelNameSanitized, systemInstruction, systemInstructionSha,
        fewshotAsMultiturn, chatTemplate, chatTemplateSha, PythonFloat.repr(seconds));
  }

  /** The fields in lm-eval's order ({@code asdict(general_config_tracker)}). */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model_source", modelSource);
    m.put("model_name", modelName);
    m.put("model_name_sanitized", modelNameSanitized);
    m.put("system_instruction", systemInstruction);
    m.put("system_instruction_sha", systemInstructionSha);
    m.put("fewshot_as_multiturn", fewshotAsMultiturn);
    m.put("chat_template", chatTemplate);
    m.put("chat_template_sha", chatTemplateSha);
    m.put("total_evaluation_time_seconds", totalEvaluationTimeSeconds);
    return m;
  }
}
