package org.lmeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout of pytablewriter 1.2's MarkdownTableWriter (outputs copied from a Python run). */
class MarkdownTableTest {
  @Test
  void matchesPytablewriter() {
    String table = new MarkdownTable(List.of("Group", "Config Location"))
        .row(List.of("arc", "lm_eval/tasks/arc/arc.yaml"))
        .row(List.of("mmlu_long_name", "---"))
        .render();
    assertEquals("|    Group     |     Config Location      |\n|--------------|--------------------------|\n"
        + "|arc           |lm_eval/tasks/arc/arc.yaml|\n|mmlu_long_name|---                       |\n", table);
  }

  @Test
  void emptyTableIsHeaderAndRule() {
    assertEquals("|Tag|\n|---|\n", new MarkdownTable(List.of("Tag")).render());
  }

  @Test
  void pipesInCellsAreEscaped() {
    assertEquals("|Tag |\n|----|\n|a\\|b|\n", new MarkdownTable(List.of("Tag")).row(List.of("a|b")).render());
  }
}
