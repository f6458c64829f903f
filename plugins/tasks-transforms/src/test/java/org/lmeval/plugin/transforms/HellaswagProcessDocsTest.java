package org.lmeval.plugin.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmeval.api.EvalException;

class HellaswagProcessDocsTest {
  @Test
  void buildsQueryChoicesAndGoldKeepingTheOriginalFields() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("activity_label", "Roof shingle removal");
    doc.put("ctx_a", "A man is sitting on a roof.");
    doc.put("ctx_b", "HE starts pulling up roofing.");
    doc.put("endings", List.of(" is using wrap [title] to wrap a pair of skis. ", "a [step] b  c"));
    doc.put("label", "3");
    Map<String, Object> out = new HellaswagProcessDocs().apply(List.of(doc)).get(0);
    assertEquals(List.of("activity_label", "ctx_a", "ctx_b", "endings", "label", "query", "choices", "gold"),
        List.copyOf(out.keySet()));
    assertEquals("Roof shingle removal: A man is sitting on a roof. He starts pulling up roofing.", out.get("query"),
        "ctx_b is capitalized: first letter upper, the rest lower");
    assertEquals(List.of("is using wrap. to wrap a pair of skis.", "a b c"), out.get("choices"));
    assertEquals(3, out.get("gold"));
    assertEquals("hellaswag.utils.process_docs", new HellaswagProcessDocs().name());
  }

  @Test
  void preprocessMatchesPython() {
    assertEquals("x. y", HellaswagProcessDocs.preprocess("\u00a0x [title]y\n"), "Python's strip includes NBSP");
    assertEquals("a b", HellaswagProcessDocs.preprocess("a[x] [y]b"), "shortest brackets");
    assertEquals("a  b", HellaswagProcessDocs.preprocess("a [x]  [y] b"), "one pass of double spaces");
    assertEquals("a[\n]b", HellaswagProcessDocs.preprocess("a[\n]b"), "'.' does not cross a newline");
  }

  @Test
  void badDocumentsNameTheirIndex() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("activity_label", "x");
    doc.put("ctx_a", "a");
    doc.put("ctx_b", "b");
    doc.put("endings", List.of("e"));
    doc.put("label", "");
    EvalException e = assertThrows(EvalException.class, () -> new HellaswagProcessDocs().apply(List.of(doc)));
    assertEquals("hellaswag.utils.process_docs: document 0: For input string: \"\"", e.getMessage());
  }
}
