package org.lmeval.platform.task;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/**
 * Builds one task's contexts as lm-eval 0.4.13's {@code fewshot_context}: system instruction and description
 * (joined with the few-shot delimiter), the few-shot examples drawn for this document, then the document's own
 * question (with its {@code gen_prefix}). For a multiple-input task, one context per choice. The messages are
 * rendered as plain text, or, with a chat template, as a conversation: multi-turn (one user/assistant pair per
 * example) or collapsed into one user message ({@code multiturn_to_singleturn}).
 */
final class PromptBuilder {
  private final TaskConfig cfg;
  private final DocFormatter formatter;
  private final FewshotSampler sampler;
  private final int numFewshot;
  private final String systemInstruction;
  private final boolean multipleInput;
  private final ChatTemplate chat;
  private final boolean fewshotAsMultiturn;
  private final Map<Map<String, Object>, List<Message>> turns = new IdentityHashMap<>();

  PromptBuilder(TaskConfig cfg, DocFormatter formatter, FewshotSampler sampler, int numFewshot,
      String systemInstruction, boolean multipleInput) {
    this(cfg, formatter, sampler, numFewshot, systemInstruction, multipleInput, null, false);
  }

  /**
   * @param chat the chat template to render with, or null for plain text
   * @param fewshotAsMultiturn with a chat template: keep the examples as separate turns
   */
  PromptBuilder(TaskConfig cfg, DocFormatter formatter, FewshotSampler sampler, int numFewshot,
      String systemInstruction, boolean multipleInput, ChatTemplate chat, boolean fewshotAsMultiturn) {
    this.chat = chat;
    this.fewshotAsMultiturn = fewshotAsMultiturn;
    this.cfg = cfg;
    this.formatter = formatter;
    this.sampler = sampler;
    this.numFewshot = numFewshot;
    this.systemInstruction = systemInstruction;
    this.multipleInput = multipleInput;
  }

  /** The context: a String, or a List of Strings (one per choice) for multiple-input tasks. */
  Object context(Map<String, Object> doc, String label) {
    List<Message> messages = new ArrayList<>();
    Object description = formatter.resolveField(doc, cfg.get("description"), "description", label);
    String system = PromptText.maybeDelimit(systemInstruction, description == null ? "" : str(description,
        "description", label), cfg.string("fewshot_delimiter"));
    if (!system.isEmpty()) {
      messages.add(new Message("system", system, ""));
    }
    if (numFewshot > 0) {
      FewshotConfig fs = cfg.fewshot();
      Map<String, Object> exclude = Objects.equals(fs.split(), cfg.string("test_split")) ? doc : null;
      for (Map<String, Object> example : sampler.sample(numFewshot, exclude)) {
        messages.addAll(turns.computeIfAbsent(example, this::fewshotTurn));
      }
    }
    Object q = formatter.text(doc, null, label);
    List<Object> choices = formatter.hasChoices() ? formatter.choices(doc, null, label) : null;
    Object prefix = formatter.prefix(doc, label);
    String genPrefix = prefix == null ? null : str(prefix, "gen_prefix", label);
    boolean addGenerationPrompt = genPrefix == null || genPrefix.isEmpty();
    if (multipleInput) {
      List<String> contexts = new ArrayList<>();
      for (Object choice : choices) {
        List<Message> m = new ArrayList<>(messages);
        m.addAll(qaTurn(str(choice, "doc_to_choice", label), null, null, genPrefix, "", "", label));
        contexts.add(render(m, addGenerationPrompt));
      }
      return contexts;
    }
    messages.addAll(qaTurn(q, choices, null, genPrefix, cfg.string("target_delimiter"), "", label));
    return render(messages, addGenerationPrompt);
  }

  private String render(List<Message> messages, boolean addGenerationPrompt) {
    if (chat == null) {
      return PromptText.plain(messages);
    }
    return chat.render(fewshotAsMultiturn ? PromptText.chat(messages) : PromptText.singleTurn(messages),
        addGenerationPrompt);
  }

  private List<Message> fewshotTurn(Map<String, Object> example) {
    FewshotConfig fs = cfg.fewshot();
    String label = "a few-shot document";
    Object q = formatter.text(example, fs.get("doc_to_text"), label);
    List<Object> c = PyText.truthy(fs.get("doc_to_choice")) ? formatter.choices(example, fs.get("doc_to_choice"),
        label) : null;
    Object a = formatter.target(example, fs.get("doc_to_target"), label);
    Object prefix = formatter.resolveField(example, fs.get("gen_prefix"), "gen_prefix", label);
    if (multipleInput) {
      q = pyIndex(c, q, "doc_to_choice", label);
      c = null;
    }
    return qaTurn(q, c, a, prefix == null ? null : str(prefix, "gen_prefix", label),
        PyText.str(fs.get("target_delimiter")), PyText.str(fs.get("fewshot_delimiter")), label);
  }

  /** lm-eval's {@code build_qa_turn}. */
  private List<Message> qaTurn(Object q, List<Object> c, Object a, String genPrefix, String targetDelimiter,
      String fewshotDelimiter, String label) {
    if (!(q instanceof String question)) {
      throw new EvalException(ErrorCode.INVALID_TASK, "task '" + cfg.task() + "': doc_to_text (" + cfg.where(
          "doc_to_text") + ") gave " + PyText.repr(q) + " for " + label + "; the context must be a string");
    }
    boolean hasAnswer = a != null && !"".equals(a);
    boolean hasPrefix = genPrefix != null && !genPrefix.isEmpty();
    String userSuffix = hasAnswer && !hasPrefix ? targetDelimiter
        : hasPrefix && PromptText.requiresDelimiter(question, genPrefix) ? targetDelimiter : "";
    List<Message> out = new ArrayList<>(2);
    out.add(new Message("user", question, userSuffix));
    if (hasAnswer) {
      Object answer;
      if (c != null && !c.isEmpty() && (a instanceof Integer || a instanceof Boolean)) {
        answer = pyIndex(c, a, "doc_to_target", label);
      } else if (a instanceof List<?> l) {
        if (l.isEmpty()) {
          throw new EvalException(ErrorCode.INVALID_TASK, "task '" + cfg.task() + "': doc_to_target gave an empty "
              + "list for " + label);
        }
        answer = l.get(0);
      } else {
        answer = a;
      }
      if (!(answer instanceof String text)) {
        throw new EvalException(ErrorCode.INVALID_TASK, "task '" + cfg.task() + "': the answer for " + label
            + " is " + PyText.repr(answer) + ", not a string (doc_to_target " + cfg.where("doc_to_target") + ")");
      }
      out.add(new Message("assistant", PromptText.maybeDelimit(genPrefix, text, " "), fewshotDelimiter));
    } else if (hasPrefix) {
      out.add(new Message("assistant", genPrefix, ""));
    }
    return out;
  }

  /** Python's {@code c[i]} (negative indices count from the end). */
  private Object pyIndex(List<Object> c, Object index, String key, String label) {
    int i = index instanceof Boolean b ? (b ? 1 : 0) : ((Number) index).intValue();
    int at = c == null ? -1 : i < 0 ? c.size() + i : i;
    if (c == null || at < 0 || at >= c.size()) {
      throw new EvalException(ErrorCode.INVALID_TASK, "task '" + cfg.task() + "': index " + i + " is out of range "
          + "for the " + (c == null ? 0 : c.size()) + " choices of " + label + " (" + key + " " + cfg.where(key) + ")");
    }
    return c.get(at);
  }

  private String str(Object v, String key, String label) {
    if (v instanceof String s) {
      return s;
    }
    throw new EvalException(ErrorCode.INVALID_TASK, "task '" + cfg.task() + "': " + key + " (" + cfg.where(key)
        + ") gave " + PyText.repr(v) + " for " + label + ", not a string");
  }
}
