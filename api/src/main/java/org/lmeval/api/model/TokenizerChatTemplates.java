package org.lmeval.api.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/**
 * The selection rule of {@link LanguageModel#chatTemplate(String)} for a Hugging Face tokenizer, as lm-eval's
 * {@code TemplateLM.chat_template} applies it to the {@code chat_template} value of tokenizer_config.json (parsed
 * JSON: a string, a list of {@code {"name", "template"}} maps, or absent).
 */
public final class TokenizerChatTemplates {
  private TokenizerChatTemplates() {}

  /**
   * Selects a template.
   *
   * @param chatTemplate the parsed {@code chat_template} value (String, List of Maps, or null)
   * @param name the requested name; null or "" for the default
   * @return the template, or empty when the tokenizer has none
   * @throws EvalException ({@code INVALID_ARGUMENT}) for an unknown name, or named templates without a "default"
   *     when no name is given (lm-eval's ValueError messages)
   */
  public static Optional<String> select(Object chatTemplate, String name) {
    if (chatTemplate == null) {
      return Optional.empty();
    }
    if (chatTemplate instanceof String s) {
      return Optional.of(s); // a single template: a name is ignored (lm-eval warns)
    }
    if (!(chatTemplate instanceof List<?> entries)) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "tokenizer_config.json 'chat_template' must be a string "
          + "or a list of {\"name\", \"template\"} entries");
    }
    List<String> names = new ArrayList<>();
    String wanted = name == null || name.isEmpty() ? null : name;
    for (Object o : entries) {
      if (!(o instanceof Map<?, ?> e) || !(e.get("name") instanceof String n) || !(e.get("template") instanceof String)) {
        throw new EvalException(ErrorCode.INVALID_ARGUMENT, "tokenizer_config.json 'chat_template' entries must be "
            + "{\"name\": str, \"template\": str}, got " + o);
      }
      if (n.equals(wanted == null ? "default" : wanted)) {
        return Optional.of((String) e.get("template"));
      }
      names.add(n);
    }
    names.sort(null);
    if (wanted != null) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "The specified chat template '" + wanted + "' is not "
          + "available. Available template names are " + names + ".");
    }
    throw new EvalException(ErrorCode.INVALID_ARGUMENT, "This model has multiple chat templates with no default "
        + "specified! Please either pass a chat template or the name of the template you wish to use to the "
        + "`chat_template` argument. Available template names are " + names + ".");
  }
}
