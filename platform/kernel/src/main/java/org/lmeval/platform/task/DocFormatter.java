package org.lmeval.platform.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.task.DocFunction;
import org.lmeval.platform.python.PythonLiteral;
import org.lmeval.platform.template.JinjaRenderer;

/**
 * lm-eval's {@code doc_to_text}, {@code doc_to_target}, {@code doc_to_choice}, {@code doc_to_prefix} and
 * {@code resolve_field} for one task: a feature name gives the raw field; an int (or, for targets and
 * choices, a list) is returned as is; any other string is a Jinja2 template, whose output becomes an int
 * when it is all digits and the task has {@code doc_to_choice}, and (targets) a Python literal when it is
 * {@code [...]}; a {@code doc_to_choice} template's output is always parsed as a Python literal; a
 * {@code !function} calls the registered {@link DocFunction} and uses its result as is.
 */
final class DocFormatter {
  private final TaskConfig cfg;
  private final JinjaRenderer renderer;
  private final Supplier<Set<String>> features;
  private final String prompt;
  private final Map<FunctionRef, DocFunction> functions;

  /**
   * @param features the evaluation split's column names after {@code process_docs} (computed on demand)
   * @param prompt the {@code use_prompt} template, or null
   * @param functions the registered function each {@code doc_to_*: !function} value resolved to
   */
  DocFormatter(TaskConfig cfg, JinjaRenderer renderer, Supplier<Set<String>> features, String prompt,
      Map<FunctionRef, DocFunction> functions) {
    this.cfg = cfg;
    this.renderer = renderer;
    this.features = features;
    this.prompt = prompt;
    this.functions = Map.copyOf(functions);
  }

  boolean hasChoices() {
    return cfg.get("doc_to_choice") != null || prompt != null;
  }

  /** {@code doc_to_text(doc, override)}: a String, or an Integer for multiple-input tasks. */
  Object text(Map<String, Object> doc, Object override, String docLabel) {
    Object spec = prompt != null ? prompt : override != null ? override : cfg.get("doc_to_text");
    if (spec instanceof FunctionRef f) {
      return call(f, doc, "doc_to_text");
    }
    if (spec instanceof Integer || spec instanceof Boolean) {
      return spec;
    }
    if (spec instanceof String s) {
      if (features.get().contains(s)) {
        return doc.get(s);
      }
      String text = render(s, doc, "doc_to_text", docLabel);
      if (cfg.get("doc_to_choice") != null && PyText.isDigit(text)) {
        return literal(text, "doc_to_text", docLabel);
      }
      return text;
    }
    throw badSpec("doc_to_text", spec, "a string (field name or template) or an int");
  }

  /** {@code doc_to_target(doc, override)}: a String, Integer or List. */
  Object target(Map<String, Object> doc, Object override, String docLabel) {
    Object spec = prompt != null ? prompt : override != null ? override : cfg.get("doc_to_target");
    if (spec instanceof FunctionRef f) {
      return call(f, doc, "doc_to_target");
    }
    if (spec instanceof Integer || spec instanceof Boolean || spec instanceof List<?>) {
      return spec;
    }
    if (spec instanceof String s) {
      if (features.get().contains(s)) {
        return doc.get(s);
      }
      String text = render(s, doc, "doc_to_target", docLabel);
      if (cfg.get("doc_to_choice") != null && PyText.isDigit(text)) {
        return literal(text, "doc_to_target", docLabel);
      }
      if (text.length() >= 2 && text.charAt(0) == '[' && text.charAt(text.length() - 1) == ']') {
        return PythonLiteral.parseOrDefault(text, text);
      }
      return text;
    }
    throw badSpec("doc_to_target", spec, "a string (field name or template), an int or a list");
  }

  /** {@code doc_to_choice(doc, override)}: the raw choices (usually strings). */
  List<Object> choices(Map<String, Object> doc, Object override, String docLabel) {
    Object spec = prompt != null ? prompt : override != null ? override : cfg.get("doc_to_choice");
    Object value;
    if (spec instanceof FunctionRef f) {
      value = call(f, doc, "doc_to_choice");
    } else if (spec instanceof String s) {
      if (features.get().contains(s)) {
        value = doc.get(s);
      } else {
        value = literal(render(s, doc, "doc_to_choice", docLabel), "doc_to_choice", docLabel);
      }
    } else if (spec instanceof List<?> l) {
      value = l;
    } else if (spec instanceof Map<?, ?> m) {
      value = new ArrayList<>(m.values());
    } else {
      throw badSpec("doc_to_choice", spec, "a string (field name or template), a list or a mapping");
    }
    if (!(value instanceof List<?> list)) {
      throw new EvalException(ErrorCode.INVALID_TASK, "task '" + cfg.task() + "': doc_to_choice (" + cfg.where(
          "doc_to_choice") + ") gave " + PyText.repr(value) + " for " + docLabel + ", not a list");
    }
    return new ArrayList<>(list);
  }

  /** A callable {@code doc_to_*}: lm-eval returns {@code fn(doc)} as is. */
  private Object call(FunctionRef f, Map<String, Object> doc, String key) {
    DocFunction fn = functions.get(f);
    if (fn == null) {
      throw new IllegalStateException(key + ": " + f + " at " + f.where() + " was not resolved");
    }
    return fn.apply(doc);
  }

  /** lm-eval's {@code doc_to_prefix}: the task's {@code gen_prefix} for the evaluated document, or null. */
  Object prefix(Map<String, Object> doc, String docLabel) {
    Object spec = cfg.get("gen_prefix");
    if (spec == null) {
      return null;
    }
    String s = PyText.str(spec);
    if (features.get().contains(s)) {
      return doc.get(s);
    }
    return render(s, doc, "gen_prefix", docLabel);
  }

  /** lm-eval's {@code resolve_field}: the field if the doc has that key, else the rendered template; null if empty. */
  Object resolveField(Map<String, Object> doc, Object field, String key, String docLabel) {
    if (!PyText.truthy(field)) {
      return null;
    }
    String s = PyText.str(field);
    if (doc.containsKey(s)) {
      return doc.get(s);
    }
    return render(s, doc, key, docLabel);
  }

  /** Renders a template against a document; errors name the task, file, key and document. */
  String render(String template, Map<String, Object> doc, String key, String docLabel) {
    if (isLiteral(template)) {
      return template;
    }
    try {
      return renderer.render(template, doc);
    } catch (EvalException | IllegalArgumentException | IllegalStateException e) {
      throw new EvalException(ErrorCode.INVALID_TASK, "task '" + cfg.task() + "': cannot render " + key + " ("
          + cfg.where(key) + ") for " + docLabel + ": " + e.getMessage(), e);
    }
  }

  /** A template with no Jinja syntax and no carriage return renders to itself. */
  static boolean isLiteral(String template) {
    return !template.contains("{{") && !template.contains("{%") && !template.contains("{#")
        && template.indexOf('\r') < 0;
  }

  private Object literal(String text, String key, String docLabel) {
    try {
      return PythonLiteral.parse(text);
    } catch (IllegalArgumentException e) {
      throw new EvalException(ErrorCode.INVALID_TASK, "task '" + cfg.task() + "': " + key + " (" + cfg.where(key)
          + ") rendered " + PyText.repr(text) + " for " + docLabel + ", which is not a Python literal ("
          + e.getMessage() + ")", e);
    }
  }

  private EvalException badSpec(String key, Object spec, String expected) {
    return new EvalException(ErrorCode.INVALID_TASK, "task '" + cfg.task() + "': " + key + " (" + cfg.where(key)
        + ") must be " + expected + ", got " + (spec == null ? "nothing" : PyText.repr(spec)));
  }
}
