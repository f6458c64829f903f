package org.lmeval.platform.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;

/**
 * {@link ChatTemplate} against transformers' {@code apply_chat_template} (expected strings rendered by
 * transformers 5 with the same templates, those of tools/tasks/make_chat_goldens.py) and lm-eval's HF model
 * (retry without system messages, default template for rendering).
 */
class ChatTemplateTest {
  static final String CHATML = "{%- for message in messages %}\n"
      + "    {%- if message['role'] == 'system' %}\n"
      + "<|im_start|>system\n"
      + "{{ message['content'] }}<|im_end|>\n"
      + "    {% else %}\n"
      + "<|im_start|>{{ message['role'] }}\n"
      + "{{ message['content'] }}<|im_end|>\n"
      + "    {% endif %}\n"
      + "{%- endfor %}\n"
      + "{%- if add_generation_prompt %}\n"
      + "<|im_start|>assistant\n"
      + "{% endif %}\n";
  static final String LLAMA2 = "{% if messages[0]['role'] == 'system' %}{% set rest = messages[1:] %}{% set sys_text = messages[0]['content'] %}{% else %}{% set rest = messages %}{% set sys_text = none %}{% endif %}{% for m in rest %}{% if (m['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('user and assistant turns must alternate') }}{% endif %}{% if loop.first and sys_text is not none %}{% set text = '<<SYS>>\\n' + sys_text + '\\n<</SYS>>\\n\\n' + m['content'] %}{% else %}{% set text = m['content'] %}{% endif %}{% if m['role'] == 'user' %}{{ bos_token + '[INST] ' + text.strip() + ' [/INST]' }}{% elif m['role'] == 'assistant' %}{{ ' ' + text.strip() + ' ' + eos_token }}{% endif %}{% endfor %}";
  static final String NO_SYSTEM = "{{ bos_token }}\n"
      + "{% for m in messages %}\n"
      + "  {% if m['role'] == 'system' %}\n"
      + "    {{ raise_exception('System role not supported') }}\n"
      + "  {% endif %}\n"
      + "<start_of_turn>{{ 'model' if m['role'] == 'assistant' else m['role'] }}\n"
      + "{{ m['content'] | trim }}<end_of_turn>\n"
      + "{% endfor %}\n"
      + "{% if add_generation_prompt %}<start_of_turn>model\n"
      + "{% endif %}";
  private static final Map<String, String> TOKENS = Map.of("bos_token", "<s>", "eos_token", "</s>", "unk_token",
      "<unk>");

  private static List<Map<String, String>> conversation(boolean system, boolean genPrefix) {
    List<Map<String, String>> m = new ArrayList<>();
    if (system) {
      m.add(Map.of("role", "system", "content", "Be brief."));
    }
    m.add(Map.of("role", "user", "content", "Question: 2+2?\nAnswer:"));
    m.add(Map.of("role", "assistant", "content", "4"));
    m.add(Map.of("role", "user", "content", "Question: 3+3?"));
    if (genPrefix) {
      m.add(Map.of("role", "assistant", "content", "The answer is: "));
    }
    return m;
  }

  /** A model with one chat template (or named ones) and the stories260K special tokens. */
  static class TemplateModel implements LanguageModel {
    private final Map<String, String> named;
    private final String single;
    private final String json;

    TemplateModel(String single, Map<String, String> named, String json) {
      this.single = single;
      this.named = named;
      this.json = json;
    }

    @Override
    public Optional<String> chatTemplate(String name) {
      if (named == null) {
        return Optional.ofNullable(single);
      }
      String key = name == null || name.isEmpty() ? "default" : name;
      if (!named.containsKey(key)) {
        throw new EvalException(org.lmeval.api.ErrorCode.INVALID_ARGUMENT, "no chat template " + key);
      }
      return Optional.of(named.get(key));
    }

    @Override
    public Map<String, String> specialTokens() {
      return TOKENS;
    }

    @Override
    public Optional<String> applyChatTemplate(List<Map<String, String>> messages, boolean addGenerationPrompt) {
      return json == null ? Optional.empty() : Optional.of(json + messages.size());
    }

    @Override
    public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
      throw new AssertionError("no requests in prompt tests");
    }

    @Override
    public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
      throw new AssertionError("no requests in prompt tests");
    }

    @Override
    public List<String> generateUntil(List<GenerationRequest> batch) {
      throw new AssertionError("no requests in prompt tests");
    }
  }

  private static String render(String template, boolean genPrefix) {
    return ChatTemplate.of(new TemplateModel(template, null, null), "", "m").render(conversation(true, genPrefix),
        !genPrefix);
  }

  @Test
  void rendersAsTransformersWithAndWithoutAGenerationPrompt() {
    assertEquals("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nQuestion: 2+2?\nAnswer:<|im_end|>\n<|im_start|>assistant\n4<|im_end|>\n<|im_start|>user\nQuestion: 3+3?<|im_end|>\n<|im_start|>assistant\n", render(CHATML, false));
    assertEquals("<s>[INST] <<SYS>>\nBe brief.\n<</SYS>>\n\nQuestion: 2+2?\nAnswer: [/INST] 4 </s><s>[INST] Question: 3+3? [/INST]", render(LLAMA2, false));
  }

  @Test
  void aFinalAssistantMessageIsContinued() {
    assertEquals("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nQuestion: 2+2?\nAnswer:<|im_end|>\n<|im_start|>assistant\n4<|im_end|>\n<|im_start|>user\nQuestion: 3+3?<|im_end|>\n<|im_start|>assistant\nThe answer is: ", render(CHATML, true), "trailing space kept where the template keeps it");
    assertEquals("<s>[INST] <<SYS>>\nBe brief.\n<</SYS>>\n\nQuestion: 2+2?\nAnswer: [/INST] 4 </s><s>[INST] Question: 3+3? [/INST] The answer is: ", render(LLAMA2, true));
    assertEquals("<s>\n<start_of_turn>user\nQuestion: 2+2?\nAnswer:<end_of_turn>\n<start_of_turn>model\n4<end_of_turn>\n<start_of_turn>user\nQuestion: 3+3?<end_of_turn>\n<start_of_turn>model\nThe answer is:", render(NO_SYSTEM, true), "the template trims the content: cut and rstripped");
  }

  @Test
  void aTemplateErrorRetriesWithoutSystemMessages() {
    assertEquals("<s>\n<start_of_turn>user\nQuestion: 2+2?\nAnswer:<end_of_turn>\n<start_of_turn>model\n4<end_of_turn>\n<start_of_turn>user\nQuestion: 3+3?<end_of_turn>\n<start_of_turn>model\n", render(NO_SYSTEM, false));
  }

  @Test
  void theNameSelectsTheLoggedTemplateAndRenderingUsesTheDefault() {
    ChatTemplate chat = ChatTemplate.of(new TemplateModel(null, Map.of("default", LLAMA2, "chatml", CHATML), null),
        "chatml", "m");
    assertEquals(CHATML, chat.logged());
    assertEquals("<s>[INST] <<SYS>>\nBe brief.\n<</SYS>>\n\nQuestion: 2+2?\nAnswer: [/INST] 4 </s><s>[INST] Question: 3+3? [/INST]", chat.render(conversation(true, false), true));
    EvalException e = assertThrows(EvalException.class, () -> ChatTemplate.of(new TemplateModel(null,
        Map.of("default", LLAMA2), null), "nope", "m"));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
  }

  @Test
  void aModelThatRendersItselfIsAskedFirst() {
    ChatTemplate chat = ChatTemplate.of(new TemplateModel(null, null, "json:"), "", "m");
    assertEquals("", chat.logged());
    assertEquals("json:4", chat.render(conversation(false, true), false));
  }

  @Test
  void noTemplateIsAClearError() {
    ChatTemplate chat = ChatTemplate.of(new TemplateModel(null, null, null), "", "tiny");
    EvalException e = assertThrows(EvalException.class, () -> chat.render(conversation(false, false), true));
    assertTrue(e.getMessage().contains("model 'tiny' has no chat template"), e.getMessage());
  }

  @Test
  void singleTurnCollapsesAllButSystemAndAFinalPrefix() {
    List<Message> m = List.of(new Message("system", "S", ""), new Message("user", "Q1", " "),
        new Message("assistant", "A1", "\n\n"), new Message("user", "Q2", " "), new Message("assistant", "P", ""));
    assertEquals(List.of(Map.of("role", "system", "content", "S"), Map.of("role", "user", "content", "Q1 A1\n\nQ2"),
        Map.of("role", "assistant", "content", "P")), PromptText.singleTurn(m));
    assertEquals(List.of(Map.of("role", "user", "content", "Q1 A1\n\nQ2")),
        PromptText.singleTurn(m.subList(1, 4)));
    assertEquals(5, PromptText.chat(m).size());
    assertEquals(Map.of("role", "user", "content", "Q2"), PromptText.chat(m).get(3));
  }
}
