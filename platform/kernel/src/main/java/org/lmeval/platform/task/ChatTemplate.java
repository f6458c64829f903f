package org.lmeval.platform.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.support.PythonStrings;
import org.lmeval.platform.template.JinjaRenderer;
import org.lmeval.platform.template.JinjaTemplateException;

/**
 * lm-eval's {@code chat_template} callable for {@code --apply_chat_template}: renders a conversation (a list of
 * {@code {"role", "content"}}) into the model's prompt. The model renders it itself when it can
 * ({@link LanguageModel#applyChatTemplate}, e.g. API chat models: the messages as JSON); otherwise the kernel
 * renders the model's default chat template as lm-eval's HF model does: transformers' {@code apply_chat_template}
 * with {@code tokenize=False} and {@code continue_final_message = not add_generation_prompt}, and, when the
 * template raises a Jinja {@code TemplateError}, once more without the system messages.
 */
public final class ChatTemplate {
  /** transformers' marker for the end of the message to continue. */
  private static final String CONTINUE_TAG = "CONTINUE_FINAL_MESSAGE_TAG ";
  /** Jinja2's {@code TemplateError} and its subclasses: the errors lm-eval retries without system messages. */
  private static final Set<String> TEMPLATE_ERRORS = Set.of("TemplateError", "UndefinedError", "TemplateSyntaxError",
      "TemplateAssertionError", "TemplateRuntimeError", "SecurityError", "TemplateNotFound");
  private static final JinjaRenderer CHAT_JINJA = new JinjaRenderer(JinjaRenderer.Options.TRANSFORMERS_CHAT);

  private final LanguageModel model;
  private final String modelLabel;
  private final String logged;
  private Optional<String> rendering;

  private ChatTemplate(LanguageModel model, String modelLabel, String logged) {
    this.model = model;
    this.modelLabel = modelLabel;
    this.logged = logged;
  }

  /**
   * The chat template of an opened model for {@code --apply_chat_template [name]}.
   *
   * @param name the template name given, or "" / null for the model's default
   * @param modelLabel how messages name the model (e.g. its backend name)
   * @throws EvalException when the model has named templates and none is called {@code name}
   */
  public static ChatTemplate of(LanguageModel model, String name, String modelLabel) {
    String n = name == null ? "" : name;
    return new ChatTemplate(model, modelLabel, model.chatTemplate(n).orElse(""));
  }

  /** The template logged in results ({@code chat_template}): the one the name selects; "" if none. */
  public String logged() {
    return logged;
  }

  /** Renders the conversation; {@code addGenerationPrompt} is false when the last message is to be continued. */
  public String render(List<Map<String, String>> messages, boolean addGenerationPrompt) {
    Optional<String> own = model.applyChatTemplate(messages, addGenerationPrompt);
    if (own.isPresent()) {
      return own.get();
    }
    String template = renderingTemplate();
    try {
      return apply(template, messages, addGenerationPrompt, model.specialTokens());
    } catch (JinjaTemplateException e) {
      if (!TEMPLATE_ERRORS.contains(e.errorType())) {
        throw chatError(e);
      }
      List<Map<String, String>> withoutSystem = new ArrayList<>();
      for (Map<String, String> m : messages) {
        if (!"system".equals(m.get("role"))) {
          withoutSystem.add(m);
        }
      }
      try {
        return apply(template, withoutSystem, addGenerationPrompt, model.specialTokens());
      } catch (JinjaTemplateException again) {
        throw chatError(again);
      }
    }
  }

  private EvalException chatError(JinjaTemplateException e) {
    return new EvalException(ErrorCode.INVALID_ARGUMENT, "--apply_chat_template: the chat template of model '"
        + modelLabel + "' failed: " + e.getMessage(), e);
  }

  /** HF renders with the tokenizer's default template, whatever name selected the logged one. */
  private synchronized String renderingTemplate() {
    if (rendering == null) {
      rendering = model.chatTemplate("");
    }
    return rendering.filter(t -> !t.isEmpty()).orElseThrow(() -> new EvalException(ErrorCode.INVALID_ARGUMENT,
        "--apply_chat_template: model '" + modelLabel + "' has no chat template (a Hugging Face model takes it "
            + "from tokenizer_config.json 'chat_template'); run without --apply_chat_template or give a model that "
            + "has one"));
  }

  /**
   * transformers' {@code apply_chat_template(messages, tokenize=False, add_generation_prompt=...,
   * continue_final_message=not add_generation_prompt)} with one template (its chat-template Jinja environment;
   * the special tokens, {@code messages}, {@code tools=None}, {@code documents=None} and
   * {@code add_generation_prompt} as variables).
   */
  static String apply(String template, List<Map<String, String>> messages, boolean addGenerationPrompt,
      Map<String, String> specialTokens) {
    boolean continueFinal = !addGenerationPrompt;
    List<Object> chat = new ArrayList<>();
    for (Map<String, String> m : messages) {
      chat.add(new LinkedHashMap<String, Object>(m));
    }
    String finalMessage = null;
    if (continueFinal) {
      if (chat.isEmpty()) {
        throw new EvalException(ErrorCode.INVALID_ARGUMENT, "continue_final_message is set but the conversation "
            + "is empty");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> last = (Map<String, Object>) chat.get(chat.size() - 1);
      finalMessage = (String) last.get("content");
      if (finalMessage == null) {
        throw new EvalException(ErrorCode.INVALID_ARGUMENT, "continue_final_message is set but the final message "
            + "has no \"content\" to continue");
      }
      if (!template.contains("content")) {
        throw new EvalException(ErrorCode.INVALID_ARGUMENT, "continue_final_message is set to \"content\" but this "
            + "is not an accepted field in the chat_template");
      }
      last.put("content", finalMessage + CONTINUE_TAG);
    }
    Map<String, Object> variables = new LinkedHashMap<>(specialTokens);
    variables.put("messages", chat);
    variables.put("tools", null);
    variables.put("documents", null);
    variables.put("add_generation_prompt", addGenerationPrompt);
    String rendered = CHAT_JINJA.render(template, variables);
    if (!continueFinal) {
      return rendered;
    }
    String tag = CONTINUE_TAG.strip();
    if (!rendered.contains(PythonStrings.strip(finalMessage)) || !rendered.contains(tag)) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "continue_final_message is set but the final message does "
          + "not appear in the chat after applying the chat template (the template deletes portions of it). Final "
          + "message to continue: " + PythonStrings.strip(finalMessage));
    }
    int at = rendered.lastIndexOf(tag);
    return rendered.startsWith(CONTINUE_TAG, at) ? rendered.substring(0, at)
        : PythonStrings.rstrip(rendered.substring(0, at));
  }
}
