package org.lmeval.plugin.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lmeval.api.task.DocFunction;

/** Against tools/tasks/make_winogrande_functions.py: lm-eval's own functions on 20 validation docs. */
class WinograndeFunctionsTest {
  private static final Map<String, DocFunction> FUNCTIONS = WinograndeFunctions.all().stream()
      .collect(Collectors.toMap(DocFunction::name, Function.identity()));

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> records() throws IOException {
    try (InputStream in = WinograndeFunctionsTest.class.getResourceAsStream("/winogrande_functions.json")) {
      return (List<Map<String, Object>>) new ObjectMapper().readValue(in, Map.class).get("records");
    }
  }

  @Test
  void registersLmEvalsDottedNames() {
    assertEquals(List.of("winogrande.preprocess_winogrande.doc_to_text",
        "winogrande.preprocess_winogrande.doc_to_target", "winogrande.preprocess_winogrande.doc_to_choice"),
        WinograndeFunctions.all().stream().map(DocFunction::name).toList());
    assertEquals(3, new TransformsPlugin().docFunctions().size());
  }

  @Test
  @SuppressWarnings("unchecked")
  void giveWhatLmEvalsFunctionsGiveOnTwentyDocs() throws IOException {
    List<Map<String, Object>> records = records();
    assertEquals(20, records.size());
    for (Map<String, Object> r : records) {
      Map<String, Object> doc = (Map<String, Object>) r.get("doc");
      for (String fn : List.of("doc_to_text", "doc_to_target", "doc_to_choice")) {
        assertEquals(r.get(fn), FUNCTIONS.get("winogrande.preprocess_winogrande." + fn).apply(doc), fn + " of " + doc);
      }
    }
  }

  @Test
  void partialEvaluationSplitsAtTheFirstBlankAndStripsPythonWhitespace() {
    Map<String, Object> doc = Map.of("sentence", "A\u00a0b _ c _ d\u00a0\u2003 ", "option1", "x", "option2", "y",
        "answer", "1");
    assertEquals(0, WinograndeFunctions.docToText(doc));
    assertEquals("c _ d", WinograndeFunctions.docToTarget(doc), "Python's strip removes U+00A0 and U+2003");
    assertEquals(List.of("A\u00a0b x", "A\u00a0b y"), WinograndeFunctions.docToChoice(doc));
  }

  @Test
  void aSentenceWithoutBlankOrABadAnswerIsAnError() {
    Map<String, Object> noBlank = Map.of("sentence", "no blank", "option1", "x", "option2", "y", "answer", "3");
    assertEquals("'sentence' has no blank '_': no blank",
        assertThrows(IllegalArgumentException.class, () -> WinograndeFunctions.docToTarget(noBlank)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> WinograndeFunctions.docToChoice(noBlank));
    assertEquals("'answer' is 3, not '1' or '2'",
        assertThrows(IllegalArgumentException.class, () -> WinograndeFunctions.docToText(noBlank)).getMessage());
  }
}
