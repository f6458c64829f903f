package org.lmeval.plugin.transforms;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.lmeval.api.support.PythonStrings;
import org.lmeval.api.task.DocFunction;

/**
 * lm-eval's {@code winogrande/preprocess_winogrande.py}, scored by partial evaluation: each option fills the
 * blank ({@code _}) to make one context, and the text after the blank is the continuation.
 * <ul>
 *   <li>{@code doc_to_text}: the gold option's index, {@code {"1": 0, "2": 1}[answer]} (an int, so the task is
 *       multiple-input);</li>
 *   <li>{@code doc_to_target}: {@code sentence[sentence.index("_") + 1:].strip()};</li>
 *   <li>{@code doc_to_choice}: {@code [sentence[:idx] + option1, sentence[:idx] + option2]} with
 *       {@code idx = sentence.index("_")}.</li>
 * </ul>
 */
public final class WinograndeFunctions {
  private static final String MODULE = "winogrande.preprocess_winogrande.";

  private WinograndeFunctions() {}

  /** The three functions, registered under {@code winogrande.preprocess_winogrande.<function>}. */
  public static List<DocFunction> all() {
    return List.of(
        function("doc_to_text", WinograndeFunctions::docToText),
        function("doc_to_target", WinograndeFunctions::docToTarget),
        function("doc_to_choice", WinograndeFunctions::docToChoice));
  }

  static Integer docToText(Map<String, Object> doc) {
    String answer = text(doc, "answer");
    return switch (answer) {
      case "1" -> 0;
      case "2" -> 1;
      default -> throw new IllegalArgumentException("'answer' is " + answer + ", not '1' or '2'");
    };
  }

  static String docToTarget(Map<String, Object> doc) {
    String sentence = text(doc, "sentence");
    return PythonStrings.strip(PythonStrings.slice(sentence, blank(sentence) + 1, null));
  }

  static List<String> docToChoice(Map<String, Object> doc) {
    String sentence = text(doc, "sentence");
    String before = PythonStrings.slice(sentence, 0, blank(sentence));
    return List.of(before + text(doc, "option1"), before + text(doc, "option2"));
  }

  private static int blank(String sentence) {
    if (PythonStrings.find(sentence, "_") < 0) {
      throw new IllegalArgumentException("'sentence' has no blank '_': " + sentence);
    }
    return PythonStrings.index(sentence, "_");
  }

  private static String text(Map<String, Object> doc, String key) {
    Object v = doc.get(key);
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException("'" + key + "' is not a string: " + v);
    }
    return s;
  }

  private static DocFunction function(String function, Function<Map<String, Object>, Object> body) {
    String name = MODULE + function;
    return new DocFunction() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Object apply(Map<String, Object> doc) {
        return body.apply(doc);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
