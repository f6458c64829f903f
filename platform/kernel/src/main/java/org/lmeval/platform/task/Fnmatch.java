package org.lmeval.platform.task;

import java.util.regex.Pattern;

/** Python's {@code fnmatch.fnmatchcase} patterns: {@code *}, {@code ?}, {@code [seq]}, {@code [!seq]}. */
final class Fnmatch {
  private Fnmatch() {}

  static boolean hasWildcards(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
  }

  static Pattern compile(String pat) {
    StringBuilder re = new StringBuilder();
    int i = 0;
    int n = pat.length();
    while (i < n) {
      char c = pat.charAt(i++);
      if (c == '*') {
        re.append(".*");
      } else if (c == '?') {
        re.append('.');
      } else if (c == '[') {
        int j = i;
        if (j < n && pat.charAt(j) == '!') {
          j++;
        }
        if (j < n && pat.charAt(j) == ']') {
          j++;
        }
        while (j < n && pat.charAt(j) != ']') {
          j++;
        }
        if (j >= n) {
          re.append("\\[");
        } else {
          String stuff = pat.substring(i, j);
          i = j + 1;
          StringBuilder set = new StringBuilder();
          int k = 0;
          if (stuff.startsWith("!")) {
            set.append('^');
            k = 1;
          }
          for (; k < stuff.length(); k++) {
            char ch = stuff.charAt(k);
            if (ch == '\\' || ch == '[' || ch == ']' || ch == '&' || ch == '^' && set.length() == 0) {
              set.append('\\');
            }
            set.append(ch);
          }
          re.append('[').append(set).append(']');
        }
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
