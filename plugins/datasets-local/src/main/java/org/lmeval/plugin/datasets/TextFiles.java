package org.lmeval.plugin.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads text data files as Hugging Face's {@code text} loader: one record {@code {"text": line}} per line,
 * split as Python's {@code str.splitlines()} (line ends not kept; empty lines kept).
 */
final class TextFiles {
  private TextFiles() {}

  static List<Map<String, Object>> read(Path file) {
    String text = DataText.read(file);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String line : splitlines(text)) {
      rows.add(Map.of("text", line));
    }
    return rows;
  }

  /** Python's {@code str.splitlines()}. */
  static List<String> splitlines(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      boolean brk = c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e
          || c == 0x85 || c == 0x2028 || c == 0x2029;
      if (brk) {
        out.add(s.substring(start, i));
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
      i++;
    }
    if (start < s.length()) {
      out.add(s.substring(start));
    }
    return out;
  }
}
