package org.lmeval.plugin.metrics.rouge;

import java.util.ArrayList;
import java.util.List;
import org.lmeval.api.support.PythonStrings;

/**
 * rouge-score's default tokenizer without stemming: Python-lower-case the text, then every maximal run of
 * {@code [a-z0-9]} is a token (everything else separates tokens).
 */
public final class RougeTokenizer {
  private RougeTokenizer() {}

  public static List<String> tokenize(String text) {
    String lower = PythonStrings.lower(text);
    List<String> tokens = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= lower.length(); i++) {
      boolean alnum = i < lower.length() && isAsciiAlnum(lower.charAt(i));
      if (alnum && start < 0) {
        start = i;
      } else if (!alnum && start >= 0) {
        tokens.add(lower.substring(start, i));
        start = -1;
      }
    }
    return tokens;
  }

  private static boolean isAsciiAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /** rougeLsum's sentences: the text split on {@code "\n"}, empty pieces dropped, each tokenized. */
  public static List<List<String>> sentences(String text) {
    List<List<String>> out = new ArrayList<>();
    for (String piece : PythonStrings.split(text, "\n")) {
      if (!piece.isEmpty()) {
        out.add(tokenize(piece));
      }
    }
    return out;
  }
}
