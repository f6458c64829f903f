package org.lmeval.platform.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmeval.platform.eval.Fixtures;

/** pytablewriter 1.2's Markdown output for 400 random make_table-style matrices (tools/scoring). */
class MarkdownTableTest {

  @Test
  @SuppressWarnings("unchecked")
  void matchesPytablewriter() {
    Map<String, Object> fx = Fixtures.load("markdown.json");
    List<String> headers = (List<String>) fx.get("headers");
    List<Object> cases = (List<Object>) fx.get("cases");
    int i = 0;
    for (Object o : cases) {
      Map<String, Object> c = (Map<String, Object>) o;
      List<List<Object>> rows = new ArrayList<>((List<List<Object>>) c.get("rows"));
      assertEquals(c.get("expected"), MarkdownTable.render(headers, rows), "case " + i + ": " + rows);
      i++;
    }
    assertEquals(400, i);
  }

  @Test
  void typesCellsAsTypepy() {
    assertEquals(MarkdownTable.Type.INTEGER, MarkdownTable.classify("0.0000").type());
    assertEquals(MarkdownTable.Type.REAL, MarkdownTable.classify("0.3000").type());
    assertEquals(1, MarkdownTable.classify("0.3000").decimalPlaces());
    assertEquals(MarkdownTable.Type.INTEGER, MarkdownTable.classify("1.0").type());
    assertEquals(MarkdownTable.Type.INTEGER, MarkdownTable.classify(1.0).type());
    assertEquals(MarkdownTable.Type.STRING, MarkdownTable.classify("   N/A").type());
    assertEquals(MarkdownTable.Type.NULL_STRING, MarkdownTable.classify(" ").type());
    assertEquals(MarkdownTable.Type.NAN, MarkdownTable.classify("nan").type());
    assertEquals(MarkdownTable.Type.INFINITY, MarkdownTable.classify("-inf").type());
    assertEquals(MarkdownTable.Type.BOOL, MarkdownTable.classify("True").type());
    assertEquals(MarkdownTable.Type.INTEGER, MarkdownTable.classify("1,000").type());
    assertEquals(5, MarkdownTable.classify("1e-05").decimalPlaces());
  }

  @Test
  void stringsDominatingAColumnKeepNumbersAsText() {
    String t = MarkdownTable.render(List.of("h"), List.of(List.of("   N/A"), List.of("0.0000"), List.of("0.1528")));
    assertEquals("|  h   |\n|------|\n|   N/A|\n|0.0000|\n|0.1528|\n", t);
    String u = MarkdownTable.render(List.of("h"), List.of(List.of("0.0000"), List.of("0.1528"), List.of("   N/A")));
    assertEquals("|  h   |\n|------|\n|     0|\n|0.1528|\n|   N/A|\n", u);
  }
}
