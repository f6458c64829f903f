package org.lmeval.api.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Translates a Python 3.11 {@code re} pattern (str pattern) into an equivalent {@link
 * java.util.regex.Pattern} source, validating it the way {@code re._parser} does. Everything whose
 * meaning differs is spelled out explicitly instead of relying on Java flags: {@code . ^ $ \A \Z \b \B
 * \d \s \w} (Python's Unicode definitions or, with ASCII, the ASCII ones), MULTILINE, DOTALL and VERBOSE
 * (including scoped {@code (?m:...)}), character classes (a {@code [} or {@code &&} inside a class is
 * literal in Python), escapes ({@code \v} is a character, not a class), {@code {,n}} and literal
 * {@code {}. Named groups become plain numbered groups; the names are kept in {@link #groupIndex}.
 */
final class PythonRegexTranslator {
  static final int IGNORECASE = 2;
  static final int LOCALE = 4;
  static final int MULTILINE = 8;
  static final int DOTALL = 16;
  static final int UNICODE = 32;
  static final int VERBOSE = 64;
  static final int ASCII = 256;
  private static final String FLAG_LETTERS = "aiLmsux";

  private static final String UNI_WORD = "\\p{L}\\p{N}_";
  private static final String UNI_DIGIT = "\\p{Nd}";
  private static final String UNI_SPACE = "\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x{85}\\x{A0}\\x{1680}"
      + "\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}";
  private static final String ASCII_WORD = "a-zA-Z0-9_";
  private static final String ASCII_DIGIT = "0-9";
  private static final String ASCII_SPACE = "\\t\\n\\x0B\\f\\r ";

  /** What the last emitted element was, for Python's "nothing to repeat" / "multiple repeat" checks. */
  private enum Last { NOTHING, ANCHOR, ATOM, REPEAT }

  private final String p;
  private int pos;
  private int flags;
  private final StringBuilder out = new StringBuilder();
  private int groups;
  private final Map<String, Integer> groupIndex = new LinkedHashMap<>();
  private final Set<Integer> openGroups = new HashSet<>();
  private final Deque<int[]> stack = new ArrayDeque<>(); // {saved flags, group number or -1}
  private Last last = Last.NOTHING;
  private boolean atStart = true;

  private PythonRegexTranslator(String pattern, int flags) {
    this.p = pattern;
    this.flags = flags;
  }

  /** The result: Java source, group count, name → group number, the flags after inline flags. */
  record Result(String javaSource, int groups, Map<String, Integer> groupIndex, int flags) {}

  static Result translate(String pattern, int flags) {
    if ((flags & LOCALE) != 0) {
      throw new IllegalArgumentException("cannot use LOCALE flag with a str pattern");
    }
    if ((flags & ASCII) != 0 && (flags & UNICODE) != 0) {
      throw new IllegalArgumentException("ASCII and UNICODE flags are incompatible");
    }
    PythonRegexTranslator t = new PythonRegexTranslator(pattern, flags);
    t.run();
    return new Result(t.out.toString(), t.groups, Map.copyOf(t.groupIndex), t.flags);
  }

  private void run() {
    if ((flags & IGNORECASE) != 0) {
      out.append(caseFlag(true));
    }
    while (pos < p.length()) {
      int cp = p.codePointAt(pos);
      pos += Character.charCount(cp);
      if ((flags & VERBOSE) != 0 && cp != '\\') {
        if (" \t\n\r\u000b\f".indexOf(cp) >= 0) {
          continue;
        }
        if (cp == '#') {
          while (pos < p.length() && p.charAt(pos) != '\n') {
            pos++;
          }
          continue;
        }
      }
      switch (cp) {
        case '\\':
          escape();
          break;
        case '[':
          characterClass();
          break;
        case '*':
        case '+':
        case '?':
          quantifier(String.valueOf((char) cp), pos - 1);
          break;
        case '{':
          brace();
          break;
        case '.':
          item((flags & DOTALL) != 0 ? "(?s:.)" : "[^\\n]", Last.ATOM);
          break;
        case '^':
          item((flags & MULTILINE) != 0 ? "(?<![^\\n])" : "^", Last.ANCHOR);
          break;
        case '$':
          item((flags & MULTILINE) != 0 ? "(?=\\n|\\z)" : "(?=\\n?\\z)", Last.ANCHOR);
          break;
        case '|':
          out.append('|');
          last = Last.NOTHING;
          atStart = false;
          break;
        case '(':
          open();
          break;
        case ')':
          close();
          break;
        default:
          literal(cp);
      }
    }
    if (!stack.isEmpty()) {
      throw error("missing ), unterminated subpattern", lastOpen());
    }
  }

  private int lastOpen() {
    return stack.isEmpty() ? 0 : stack.peek()[2];
  }

  private void item(String java, Last kind) {
    out.append(java);
    last = kind;
    atStart = false;
  }

  private void literal(int cp) {
    item(literalText(cp), Last.ATOM);
  }

  private static String literalText(int cp) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) {
      return String.valueOf((char) cp);
    }
    if (cp > 0x20 && cp < 0x7f) {
      return "\\" + (char) cp;
    }
    return "\\x{" + Integer.toHexString(cp) + "}";
  }

  // ------------------------------------------------------------------------------ escapes

  private void escape() {
    int at = pos - 1;
    if (pos >= p.length()) {
      throw error("bad escape (end of pattern)", at);
    }
    int c = p.codePointAt(pos);
    pos += Character.charCount(c);
    switch (c) {
      case 'A':
        item("\\A", Last.ANCHOR);
        return;
      case 'Z':
        item("\\z", Last.ANCHOR);
        return;
      case 'b':
        item(boundary(true), Last.ANCHOR);
        return;
      case 'B':
        item(boundary(false), Last.ANCHOR);
        return;
      case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
        item("[" + category(c) + "]", Last.ATOM);
        return;
      default:
    }
    if (c >= '1' && c <= '9') {
      int start = pos - 1;
      if (pos < p.length() && isDigit(p.charAt(pos))) {
        pos++;
        if (isOctal(p.charAt(start)) && isOctal(p.charAt(start + 1)) && pos < p.length()
            && isOctal(p.charAt(pos))) {
          pos++;
          int v = Integer.parseInt(p.substring(start, pos), 8);
          if (v > 0377) {
            throw error("octal escape value \\" + p.substring(start, pos)
                + " outside of range 0-0o377", at);
          }
          literal(v);
          return;
        }
      }
      int group = Integer.parseInt(p.substring(start, pos));
      if (group > groups) {
        throw error("invalid group reference " + group, start);
      }
      if (openGroups.contains(group)) {
        throw error("cannot refer to an open group", at);
      }
      item("(?:\\" + group + ")", Last.ATOM);
      return;
    }
    literal(escapedCodePoint(c, at, false));
  }

  /** The code point of a character escape (not a class or anchor); {@code \b} only inside a class. */
  private int escapedCodePoint(int c, int at, boolean inClass) {
    switch (c) {
      case 'a': return 7;
      case 'b':
        if (inClass) {
          return 8;
        }
        break;
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'v': return 0x0b;
      case '\\': return '\\';
      case 'x': return hex(2, at);
      case 'u': return hex(4, at);
      case 'U': {
        int v = hex(8, at);
        if (v > Character.MAX_CODE_POINT || v < 0) {
          throw error("bad escape \\U" + p.substring(at + 2, pos), at);
        }
        return v;
      }
      case 'N': {
        if (pos >= p.length() || p.charAt(pos) != '{') {
          throw error("missing {", pos);
        }
        int close = p.indexOf('}', pos);
        if (close < 0) {
          throw error("missing }, unterminated name", pos + 1);
        }
        String name = p.substring(pos + 1, close);
        if (name.isEmpty()) {
          throw error("missing character name", pos + 1);
        }
        int v = UnicodeNames.lookup(name);
        if (v < 0) {
          throw error("undefined character name '" + name + "'", at);
        }
        pos = close + 1;
        return v;
      }
      case '0': {
        int start = pos - 1;
        for (int i = 0; i < 2 && pos < p.length() && isOctal(p.charAt(pos)); i++) {
          pos++;
        }
        return Integer.parseInt(p.substring(start, pos), 8);
      }
      default:
    }
    if (inClass && c >= '1' && c <= '7') {
      int start = pos - 1;
      for (int i = 0; i < 2 && pos < p.length() && isOctal(p.charAt(pos)); i++) {
        pos++;
      }
      int v = Integer.parseInt(p.substring(start, pos), 8);
      if (v > 0377) {
        throw error("octal escape value \\" + p.substring(start, pos) + " outside of range 0-0o377",
            at);
      }
      return v;
    }
    if (c < 0x80 && (Character.isLetterOrDigit(c))) {
      throw error("bad escape \\" + (char) c, at);
    }
    return c;
  }

  private int hex(int digits, int at) {
    int v = 0;
    int n = 0;
    while (n < digits && pos < p.length() && Character.digit(p.charAt(pos), 16) >= 0
        && p.charAt(pos) < 0x80) {
      v = v * 16 + Character.digit(p.charAt(pos), 16);
      pos++;
      n++;
    }
    if (n != digits) {
      throw error("incomplete escape " + p.substring(at, pos), at);
    }
    return v;
  }

  private String category(int c) {
    boolean ascii = (flags & ASCII) != 0;
    switch (c) {
      case 'd': return ascii ? ASCII_DIGIT : UNI_DIGIT;
      case 'D': return "^" + (ascii ? ASCII_DIGIT : UNI_DIGIT);
      case 's': return ascii ? ASCII_SPACE : UNI_SPACE;
      case 'S': return "^" + (ascii ? ASCII_SPACE : UNI_SPACE);
      case 'w': return ascii ? ASCII_WORD : UNI_WORD;
      default: return "^" + (ascii ? ASCII_WORD : UNI_WORD);
    }
  }

  private String boundary(boolean at) {
    String w = "[" + ((flags & ASCII) != 0 ? ASCII_WORD : UNI_WORD) + "]";
    if (at) {
      return "(?:(?<=" + w + ")(?!" + w + ")|(?<!" + w + ")(?=" + w + "))";
    }
    // Python's \B never matches in an empty string
    return "(?:(?<=" + w + ")(?=" + w + ")|(?<!" + w + ")(?!" + w + ")(?:(?<=[\\s\\S])|(?=[\\s\\S])))";
  }

  // ------------------------------------------------------------------------------ classes

  private void characterClass() {
    int start = pos - 1;
    StringBuilder cls = new StringBuilder("[");
    if (pos < p.length() && p.charAt(pos) == '^') {
      cls.append('^');
      pos++;
    }
    boolean empty = true;
    while (true) {
      if (pos >= p.length()) {
        throw error("unterminated character set", start);
      }
      int itemAt = pos;
      int c = p.codePointAt(pos);
      pos += Character.charCount(c);
      if (c == ']' && !empty) {
        break;
      }
      empty = false;
      String category = null;
      int lo;
      if (c == '\\') {
        if (pos >= p.length()) {
          throw error("bad escape (end of pattern)", itemAt);
        }
        int e = p.codePointAt(pos);
        pos += Character.charCount(e);
        if ("dDsSwW".indexOf(e) >= 0) {
          category = category(e);
          lo = -1;
        } else {
          lo = escapedCodePoint(e, itemAt, true);
        }
      } else {
        lo = c;
      }
      if (pos < p.length() && p.charAt(pos) == '-') {
        pos++;
        if (pos >= p.length()) {
          throw error("unterminated character set", start);
        }
        int thatAt = pos;
        int that = p.codePointAt(pos);
        pos += Character.charCount(that);
        if (that == ']') {
          cls.append(category != null ? "[" + category + "]" : classLiteral(lo));
          cls.append("\\-");
          break;
        }
        int hi;
        if (that == '\\') {
          if (pos >= p.length()) {
            throw error("bad escape (end of pattern)", thatAt);
          }
          int e = p.codePointAt(pos);
          pos += Character.charCount(e);
          hi = "dDsSwW".indexOf(e) >= 0 ? -1 : escapedCodePoint(e, thatAt, true);
        } else {
          hi = that;
        }
        if (category != null || hi < 0 || hi < lo) {
          throw error("bad character range " + p.substring(itemAt, pos), itemAt);
        }
        cls.append(classLiteral(lo)).append('-').append(classLiteral(hi));
      } else {
        cls.append(category != null ? "[" + category + "]" : classLiteral(lo));
      }
    }
    item(cls.append(']').toString(), Last.ATOM);
  }

  private static String classLiteral(int cp) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) {
      return String.valueOf((char) cp);
    }
    return "\\x{" + Integer.toHexString(cp) + "}";
  }

  // ------------------------------------------------------------------------------ repeats

  private void brace() {
    int start = pos - 1;
    int i = pos;
    StringBuilder lo = new StringBuilder();
    StringBuilder hi = new StringBuilder();
    if (i < p.length() && p.charAt(i) == '}') {
      literal('{');
      return;
    }
    while (i < p.length() && isDigit(p.charAt(i))) {
      lo.append(p.charAt(i++));
    }
    boolean comma = i < p.length() && p.charAt(i) == ',';
    if (comma) {
      i++;
      while (i < p.length() && isDigit(p.charAt(i))) {
        hi.append(p.charAt(i++));
      }
    }
    if (i >= p.length() || p.charAt(i) != '}') {
      literal('{');
      return;
    }
    pos = i + 1;
    String min = lo.length() == 0 ? "0" : lo.toString();
    String max = comma ? hi.toString() : min;
    if (!max.isEmpty() && new java.math.BigInteger(max).compareTo(new java.math.BigInteger(min)) < 0) {
      throw error("min repeat greater than max repeat", start);
    }
    if (new java.math.BigInteger(min).bitLength() > 31 || (!max.isEmpty()
        && new java.math.BigInteger(max).bitLength() > 31)) {
      throw error("the repetition number is too large", start);
    }
    quantifier("{" + min + (comma ? "," + max : "") + "}", start);
  }

  private void quantifier(String q, int at) {
    if (last == Last.NOTHING || last == Last.ANCHOR) {
      throw error("nothing to repeat", at);
    }
    if (last == Last.REPEAT) {
      throw error("multiple repeat", at);
    }
    out.append(q);
    if (pos < p.length() && (p.charAt(pos) == '?' || p.charAt(pos) == '+')) {
      out.append(p.charAt(pos++));
    }
    last = Last.REPEAT;
  }

  // ------------------------------------------------------------------------------ groups

  private void open() {
    int start = pos - 1;
    if (pos >= p.length() || p.charAt(pos) != '?') {
      beginGroup(start, flags, newGroup(null, start));
      out.append('(');
      return;
    }
    pos++;
    if (pos >= p.length()) {
      throw error("unexpected end of pattern", pos);
    }
    char c = p.charAt(pos++);
    switch (c) {
      case 'P': {
        if (pos < p.length() && p.charAt(pos) == '<') {
          pos++;
          String name = until('>', "group name");
          checkName(name);
          beginGroup(start, flags, newGroup(name, start));
          out.append('(');
          return;
        }
        if (pos < p.length() && p.charAt(pos) == '=') {
          pos++;
          String name = until(')', "group name");
          checkName(name);
          Integer gid = groupIndex.get(name);
          if (gid == null) {
            throw error("unknown group name '" + name + "'", start);
          }
          if (openGroups.contains(gid)) {
            throw error("cannot refer to an open group", start);
          }
          item("(?:\\" + gid + ")", Last.ATOM);
          return;
        }
        throw error("unknown extension ?P" + (pos < p.length() ? p.charAt(pos) : ""), start);
      }
      case ':':
        beginGroup(start, flags, -1);
        out.append("(?:");
        return;
      case '#':
        while (true) {
          if (pos >= p.length()) {
            throw error("missing ), unterminated comment", start);
          }
          if (p.charAt(pos++) == ')') {
            return;
          }
        }
      case '=':
      case '!':
        beginGroup(start, flags, -1);
        out.append("(?").append(c);
        return;
      case '<': {
        char d = pos < p.length() ? p.charAt(pos++) : 0;
        if (d != '=' && d != '!') {
          throw error("unknown extension ?<" + (d == 0 ? "" : String.valueOf(d)), start);
        }
        beginGroup(start, flags, -1);
        out.append("(?<").append(d);
        return;
      }
      case '>':
        beginGroup(start, flags, -1);
        out.append("(?>");
        return;
      case '(':
        throw error("conditional backreference groups (?(...)...) are not supported", start);
      default:
        if (FLAG_LETTERS.indexOf(c) >= 0 || c == '-') {
          inlineFlags(c, start);
          return;
        }
        throw error("unknown extension ?" + c, start);
    }
  }

  private void inlineFlags(char first, int start) {
    int add = 0;
    int del = 0;
    char c = first;
    if (c != '-') {
      while (true) {
        if (c == 'L') {
          throw error("bad inline flags: cannot use 'L' flag with a str pattern", start);
        }
        add |= flag(c);
        int type = add & (ASCII | UNICODE);
        if (type == (ASCII | UNICODE)) {
          throw error("bad inline flags: flags 'a', 'u' and 'L' are incompatible", start);
        }
        if (pos >= p.length()) {
          throw error("missing -, : or )", pos);
        }
        c = p.charAt(pos++);
        if (c == ')' || c == '-' || c == ':') {
          break;
        }
        if (FLAG_LETTERS.indexOf(c) < 0) {
          throw error(Character.isLetter(c) ? "unknown flag" : "missing -, : or )", pos - 1);
        }
      }
    }
    if (c == ')') {
      if (!atStart || !stack.isEmpty()) {
        throw error("global flags not at the start of the expression", start);
      }
      flags |= add;
      if ((flags & ASCII) != 0 && (flags & UNICODE) != 0) {
        throw error("bad inline flags: flags 'a', 'u' and 'L' are incompatible", start);
      }
      if ((flags & IGNORECASE) != 0) {
        out.append(caseFlag(true));
      }
      return;
    }
    if (c == '-') {
      if (pos >= p.length()) {
        throw error("missing flag", pos);
      }
      c = p.charAt(pos++);
      if (FLAG_LETTERS.indexOf(c) < 0) {
        throw error(Character.isLetter(c) ? "unknown flag" : "missing flag", pos - 1);
      }
      while (true) {
        if (c == 'a' || c == 'u' || c == 'L') {
          throw error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", start);
        }
        del |= flag(c);
        if (pos >= p.length()) {
          throw error("missing :", pos);
        }
        c = p.charAt(pos++);
        if (c == ':') {
          break;
        }
        if (FLAG_LETTERS.indexOf(c) < 0) {
          throw error(Character.isLetter(c) ? "unknown flag" : "missing :", pos - 1);
        }
      }
    }
    if ((add & del) != 0) {
      throw error("bad inline flags: flag turned on and off", start);
    }
    int saved = flags;
    int scoped = (flags | add) & ~del;
    if ((scoped & ASCII) != 0 && (scoped & UNICODE) != 0) {
      scoped &= (add & ASCII) != 0 ? ~UNICODE : ~ASCII;
    }
    beginGroup(start, saved, -1);
    flags = scoped;
    boolean before = (saved & IGNORECASE) != 0;
    boolean after = (scoped & IGNORECASE) != 0;
    if (!after) {
      out.append(before ? "(?-iu:" : "(?:");
    } else if (!before || ((saved ^ scoped) & ASCII) != 0) {
      out.append((scoped & ASCII) != 0 ? "(?i-u:" : "(?iu:");
    } else {
      out.append("(?:");
    }
  }

  private String caseFlag(boolean on) {
    return on ? ((flags & ASCII) != 0 ? "(?i-u)" : "(?iu)") : "(?-iu)";
  }

  private static int flag(char c) {
    switch (c) {
      case 'a': return ASCII;
      case 'i': return IGNORECASE;
      case 'm': return MULTILINE;
      case 's': return DOTALL;
      case 'u': return UNICODE;
      default: return VERBOSE;
    }
  }

  private int newGroup(String name, int at) {
    int gid = ++groups;
    if (name != null) {
      Integer old = groupIndex.putIfAbsent(name, gid);
      if (old != null) {
        throw error("redefinition of group name '" + name + "' as group " + gid + "; was group "
            + old, at);
      }
    }
    openGroups.add(gid);
    return gid;
  }

  private void beginGroup(int at, int savedFlags, int gid) {
    stack.push(new int[] {savedFlags, gid, at});
    last = Last.NOTHING;
    atStart = false;
  }

  private void close() {
    if (stack.isEmpty()) {
      throw error("unbalanced parenthesis", pos - 1);
    }
    int[] frame = stack.pop();
    flags = frame[0];
    if (frame[1] > 0) {
      openGroups.remove(frame[1]);
    }
    out.append(')');
    last = Last.ATOM;
  }

  private String until(char end, String what) {
    int close = p.indexOf(end, pos);
    if (close < 0) {
      throw error("missing " + end + ", unterminated name", pos);
    }
    String name = p.substring(pos, close);
    if (name.isEmpty()) {
      throw error("missing " + what, pos);
    }
    pos = close + 1;
    return name;
  }

  private void checkName(String name) {
    if (!isIdentifier(name)) {
      throw error("bad character in group name '" + name + "'", pos - name.length() - 1);
    }
  }

  /** Python's {@code str.isidentifier} (XID_Start then XID_Continue, underscore allowed first). */
  static boolean isIdentifier(String s) {
    if (s.isEmpty()) {
      return false;
    }
    int first = s.codePointAt(0);
    if (first != '_' && !Character.isUnicodeIdentifierStart(first)) {
      return false;
    }
    for (int i = Character.charCount(first); i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (!Character.isUnicodeIdentifierPart(cp) || Character.isIdentifierIgnorable(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }

  private IllegalArgumentException error(String message, int at) {
    return new IllegalArgumentException(message + " at position " + at + " in pattern " + p);
  }
}
