package org.lmeval.plugin.transforms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.support.PythonRegex;
import org.lmeval.api.support.PythonStrings;
import org.lmeval.api.task.DocTransform;

/**
 * lm-eval's {@code hellaswag/utils.py: process_docs}: keeps every field and adds {@code query}
 * ({@code activity_label + ": " + ctx_a + " " + ctx_b.capitalize()}, cleaned), {@code choices} (the cleaned
 * endings) and {@code gold} ({@code int(label)}). Cleaning: strip, {@code " [title]"} → {@code ". "}, remove
 * every shortest {@code [...]} span within a line, then one pass of {@code "  "} → {@code " "}.
 */
public final class HellaswagProcessDocs implements DocTransform {
  private static final PythonRegex BRACKETS = PythonRegex.compile("\\[.*?\\]");

  @Override
  public String name() {
    return "hellaswag.utils.process_docs";
  }

  @Override
  public List<Map<String, Object>> apply(List<Map<String, Object>> docs) {
    List<Map<String, Object>> out = new ArrayList<>(docs.size());
    int i = 0;
    for (Map<String, Object> doc : docs) {
      try {
        String ctx = text(doc, "ctx_a") + " " + PythonStrings.capitalize(text(doc, "ctx_b"));
        Map<String, Object> d = new LinkedHashMap<>(doc);
        d.put("query", preprocess(text(doc, "activity_label") + ": " + ctx));
        List<String> choices = new ArrayList<>();
        Object endings = doc.get("endings");
        if (!(endings instanceof List<?> list)) {
          throw new IllegalArgumentException("'endings' is not a list");
        }
        for (Object e : list) {
          choices.add(preprocess(String.valueOf(e)));
        }
        d.put("choices", choices);
        d.put("gold", Integer.parseInt(PythonStrings.strip(String.valueOf(doc.get("label")))));
        out.add(d);
      } catch (RuntimeException e) {
        throw new EvalException(ErrorCode.INVALID_TASK, name() + ": document " + i + ": " + e.getMessage(), e);
      }
      i++;
    }
    return out;
  }

  private static String text(Map<String, Object> doc, String key) {
    Object v = doc.get(key);
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException("'" + key + "' is not a string: " + v);
    }
    return s;
  }

  /** lm-eval's {@code preprocess(text)}. */
  static String preprocess(String text) {
    String t = PythonStrings.strip(text);
    t = PythonStrings.replace(t, " [title]", ". ");
    t = BRACKETS.sub("", t);
    return PythonStrings.replace(t, "  ", " ");
  }
}
