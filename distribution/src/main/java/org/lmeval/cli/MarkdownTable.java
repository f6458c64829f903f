package org.lmeval.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A Markdown table in the layout of pytablewriter's {@code MarkdownTableWriter}, which lm-eval's listings
 * use: no cell margins, headers centred (the odd space on the right), text cells left-aligned, columns at
 * least three wide, a trailing newline. Unlike the kernel's results table
 * ({@code org.lmeval.platform.results.MarkdownTable}), every cell is text: no number inference, so an API
 * version {@code 1.0} prints as written.
 */
final class MarkdownTable {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  MarkdownTable(List<String> headers) {
    this.headers = List.copyOf(headers);
  }

  MarkdownTable row(List<String> cells) {
    if (cells.size() != headers.size()) {
      throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells);
    }
    rows.add(cells.stream().map(c -> c == null ? "" : c.replace("\n", " ").replace("|", "\\|")).toList());
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  String render() {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = Math.max(3, headers.get(i).length());
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder b = new StringBuilder("|");
    for (int i = 0; i < widths.length; i++) {
      b.append(center(headers.get(i), widths[i])).append('|');
    }
    b.append("\n|");
    for (int width : widths) {
      b.append("-".repeat(width)).append('|');
    }
    b.append('\n');
    for (List<String> row : rows) {
      b.append('|');
      for (int i = 0; i < widths.length; i++) {
        String cell = row.get(i);
        b.append(cell).append(" ".repeat(widths[i] - cell.length())).append('|');
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** pytablewriter's header centring: half the padding on the left, rounded down. */
  static String center(String s, int width) {
    int pad = width - s.length();
    if (pad <= 0) {
      return s;
    }
    int left = pad / 2;
    return " ".repeat(left) + s + " ".repeat(pad - left);
  }
}
