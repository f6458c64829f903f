package org.lmeval.plugin.djl.hf;

/** The few Python {@code str} behaviours lm-eval's model code relies on. */
final class PyStrings {
  private PyStrings() {}

  /** Python's {@code str.isspace()} for one code point (Unicode White_Space plus the ASCII separators 0x1C-0x1F). */
  static boolean isSpace(int cp) {
    return switch (cp) {
      case '\t', '\n', 0x0B, '\f', '\r', 0x1C, 0x1D, 0x1E, 0x1F, ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F,
          0x205F, 0x3000 -> true;
      default -> cp >= 0x2000 && cp <= 0x200A;
    };
  }

  /** {@code len(s) - len(s.rstrip())}, in chars (every Python space is one UTF-16 char). */
  static int trailingSpaceLength(String s) {
    int end = s.length();
    while (end > 0 && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.length() - end;
  }

  /** Python's {@code s.lstrip()}. */
  static String lstrip(String s) {
    int start = 0;
    while (start < s.length() && isSpace(s.charAt(start))) {
      start++;
    }
    return s.substring(start);
  }

  /** {@code s.split(sep)[-1]}: the text after the last occurrence of a non-empty separator. */
  static String afterLast(String s, String sep) {
    int at = s.lastIndexOf(sep);
    return at < 0 ? s : s.substring(at + sep.length());
  }

  /** {@code s.split(sep)[0]}: the text before the first occurrence of a non-empty separator. */
  static String beforeFirst(String s, String sep) {
    int at = s.indexOf(sep);
    return at < 0 ? s : s.substring(0, at);
  }

}
