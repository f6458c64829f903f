package org.lmeval.platform.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmeval.platform.eval.Fixtures;

/** lm-eval 0.4.13's make_table, including the upstream wikitext golden table of §7.5. */
class TableFormatterTest {

  @Test
  @SuppressWarnings("unchecked")
  void matchesMakeTable() {
    Map<String, Object> fx = Fixtures.load("make_table.json");
    for (Object o : (List<Object>) fx.get("cases")) {
      Map<String, Object> c = (Map<String, Object>) o;
      Map<String, Object> results = (Map<String, Object>) c.get("results");
      assertEquals(c.get("results_table"), TableFormatter.makeTable(results, "results"), (String) c.get("name"));
      if (c.containsKey("groups_table")) {
        assertEquals(c.get("groups_table"), TableFormatter.makeTable(results, "groups"), (String) c.get("name"));
      }
    }
  }

  @Test
  void upstreamWikitextExample() {
    Map<String, Object> entry = new java.util.LinkedHashMap<>();
    entry.put("alias", "wikitext");
    entry.put("bits_per_byte,none", 1.3394);
    entry.put("bits_per_byte_stderr,none", "N/A");
    entry.put("byte_perplexity,none", 2.5304);
    entry.put("byte_perplexity_stderr,none", "N/A");
    entry.put("word_perplexity,none", 130.4801);
    entry.put("word_perplexity_stderr,none", "N/A");
    Map<String, Object> results = Map.of("results", Map.of("wikitext", entry), "versions", Map.of("wikitext", 2),
        "n-shot", Map.of("wikitext", 0), "higher_is_better", Map.of("wikitext",
            Map.of("bits_per_byte", false, "byte_perplexity", false, "word_perplexity", false)));
    assertEquals("""
        | Tasks  |Version|Filter|n-shot|    Metric     |   | Value  |   |Stderr|
        |--------|------:|------|-----:|---------------|---|-------:|---|------|
        |wikitext|      2|none  |     0|bits_per_byte  |↓  |  1.3394|±  |   N/A|
        |        |       |none  |     0|byte_perplexity|↓  |  2.5304|±  |   N/A|
        |        |       |none  |     0|word_perplexity|↓  |130.4801|±  |   N/A|
        """, TableFormatter.makeTable(results, "results"));
  }

  @Test
  void formatsLikePythonFormatSpec() {
    assertEquals("0.0312", TableFormatter.format4(0.03125), "round half to even on the exact binary value");
    assertEquals("0.6667", TableFormatter.format4(2.0 / 3));
    assertEquals("-0.0000", TableFormatter.format4(-0.00001));
    assertEquals("nan", TableFormatter.format4(Double.NaN));
    assertEquals("-inf", TableFormatter.format4(Double.NEGATIVE_INFINITY));
  }
}
