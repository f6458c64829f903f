package org.lmeval.platform.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Jinja2's lexer for the inside of {@code {{ ... }}} and {@code {% ... %}}: names, Python-escaped
 * string literals (decoded as Jinja2 does: {@code backslashreplace} then {@code unicode-escape}), ints
 * ({@code 0b 0o 0x}, underscores), floats, operators; whitespace is Python's.
 */
final class ExprLexer {
  /** A token; {@code value} is the decoded literal for strings and numbers. */
  record Token(Type type, String text, Object value, int pos) {
    boolean is(Type t, String s) {
      return type == t && text.equals(s);
    }

    boolean isName(String s) {
      return type == Type.NAME && text.equals(s);
    }

    boolean isOp(String s) {
      return type == Type.OP && text.equals(s);
    }

    /** How Jinja2's {@code describe_token} names the token in error messages. */
    String describe() {
      return switch (type) {
        case EOF -> "end of expression";
        case NAME, OP -> text;
        default -> type.name().toLowerCase(java.util.Locale.ROOT);
      };
    }
  }

  enum Type { NAME, STRING, INTEGER, FLOAT, OP, EOF }

  private static final String[] OPERATORS = {
    "//", "**", "==", "!=", ">=", "<=", "+", "-", "/", "*", "%", "~", "[", "]", "(", ")", "{", "}",
    ">", "<", "=", ".", ":", "|", ",", ";"
  };

  private final String src;
  private int pos;

  private ExprLexer(String src) {
    this.src = src;
  }

  static List<Token> tokenize(String src) {
    return new ExprLexer(src).run();
  }

  private List<Token> run() {
    List<Token> out = new ArrayList<>();
    List<Character> balance = new ArrayList<>();
    while (true) {
      skipWhitespace();
      if (pos >= src.length()) {
        out.add(new Token(Type.EOF, "", null, pos));
        return out;
      }
      int start = pos;
      Token t = number();
      if (t == null) {
        t = name();
      }
      if (t == null) {
        t = string();
      }
      if (t == null) {
        t = operator();
      }
      if (t == null) {
        char c = src.charAt(pos);
        throw PyException.syntax("unexpected char " + Py.repr(String.valueOf(c)).replace('\'', '"')
            + " at " + start);
      }
      if (t.type == Type.OP) {
        switch (t.text) {
          case "{" -> balance.add('}');
          case "(" -> balance.add(')');
          case "[" -> balance.add(']');
          case "}", ")", "]" -> {
            if (balance.isEmpty()) {
              throw PyException.syntax("unexpected '" + t.text + "'");
            }
            char expected = balance.remove(balance.size() - 1);
            if (expected != t.text.charAt(0)) {
              throw PyException.syntax("unexpected '" + t.text + "', expected '" + expected + "'");
            }
          }
          default -> { }
        }
      }
      out.add(t);
    }
  }

  private void skipWhitespace() {
    while (pos < src.length()) {
      int cp = src.codePointAt(pos);
      if (!PyUnicode.isSpace(cp)) {
        break;
      }
      pos += Character.charCount(cp);
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Digits with single underscores between them; returns the end or -1 when none. */
  private int digits(int at) {
    if (at >= src.length() || !isDigit(src.charAt(at))) {
      return -1;
    }
    int i = at + 1;
    while (i < src.length()) {
      char c = src.charAt(i);
      if (isDigit(c)) {
        i++;
      } else if (c == '_' && i + 1 < src.length() && isDigit(src.charAt(i + 1))) {
        i += 2;
      } else {
        break;
      }
    }
    return i;
  }

  private Token number() {
    if (pos >= src.length() || !isDigit(src.charAt(pos))) {
      return null;
    }
    // float: (\d+_)*\d+ ((\.(\d+_)*\d+)? e[+-]?(\d+_)*\d+ | \.(\d+_)*\d+), not after a '.'
    if (pos == 0 || src.charAt(pos - 1) != '.') {
      int intEnd = digits(pos);
      int end = -1;
      int i = intEnd;
      if (i < src.length() && src.charAt(i) == '.') {
        int frac = digits(i + 1);
        if (frac > 0) {
          end = frac;
          i = frac;
        }
      }
      if (i < src.length() && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
        int j = i + 1;
        if (j < src.length() && (src.charAt(j) == '+' || src.charAt(j) == '-')) {
          j++;
        }
        int exp = digits(j);
        if (exp > 0) {
          end = exp;
        }
      }
      if (end > 0) {
        String text = src.substring(pos, end);
        pos = end;
        return new Token(Type.FLOAT, text, Double.parseDouble(text.replace("_", "")), pos);
      }
    }
    // integer: 0b.. | 0o.. | 0x.. | [1-9](_?\d)* | 0(_?0)*
    int start = pos;
    char c0 = src.charAt(pos);
    if (c0 == '0' && pos + 1 < src.length() && "bBoOxX".indexOf(src.charAt(pos + 1)) >= 0) {
      char kind = Character.toLowerCase(src.charAt(pos + 1));
      int radix = kind == 'b' ? 2 : (kind == 'o' ? 8 : 16);
      int i = pos + 2;
      StringBuilder digitsOnly = new StringBuilder();
      while (true) {
        int j = i;
        if (j < src.length() && src.charAt(j) == '_') {
          j++;
        }
        if (j < src.length() && Character.digit(src.charAt(j), radix) >= 0) {
          digitsOnly.append(src.charAt(j));
          i = j + 1;
        } else {
          break;
        }
      }
      if (digitsOnly.length() > 0) {
        pos = i;
        return new Token(Type.INTEGER, src.substring(start, i),
            Py.intResult(new BigInteger(digitsOnly.toString(), radix)), pos);
      }
    }
    int end;
    if (c0 == '0') {
      end = pos + 1;
      while (true) {
        int j = end;
        if (j < src.length() && src.charAt(j) == '_') {
          j++;
        }
        if (j < src.length() && src.charAt(j) == '0') {
          end = j + 1;
        } else {
          break;
        }
      }
    } else {
      end = digits(pos);
    }
    String text = src.substring(start, end);
    pos = end;
    return new Token(Type.INTEGER, text, Py.intResult(new BigInteger(text.replace("_", ""))), pos);
  }

  private Token name() {
    int cp = src.codePointAt(pos);
    if (cp != '_' && !Character.isUnicodeIdentifierStart(cp)) {
      return null;
    }
    int i = pos + Character.charCount(cp);
    while (i < src.length()) {
      int c = src.codePointAt(i);
      if (c != '_' && (!Character.isUnicodeIdentifierPart(c) || Character.isIdentifierIgnorable(c))) {
        break;
      }
      i += Character.charCount(c);
    }
    String text = src.substring(pos, i);
    pos = i;
    return new Token(Type.NAME, text, text, pos);
  }

  private Token string() {
    char q = src.charAt(pos);
    if (q != '\'' && q != '"') {
      return null;
    }
    int i = pos + 1;
    while (i < src.length()) {
      char c = src.charAt(i);
      if (c == '\\' && i + 1 < src.length()) {
        i += 2;
      } else if (c == q) {
        String raw = src.substring(pos + 1, i);
        String text = src.substring(pos, i + 1);
        pos = i + 1;
        return new Token(Type.STRING, text, decode(raw), pos);
      } else {
        i++;
      }
    }
    return null;
  }

  private Token operator() {
    for (String op : OPERATORS) {
      if (src.startsWith(op, pos)) {
        pos += op.length();
        return new Token(Type.OP, op, op, pos);
      }
    }
    return null;
  }

  /** {@code raw.encode("ascii", "backslashreplace").decode("unicode-escape")}. */
  static String decode(String raw) {
    if (raw.indexOf('\\') < 0) {
      return raw;
    }
    StringBuilder ascii = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); ) {
      int cp = raw.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 128) {
        ascii.append((char) cp);
      } else if (cp <= 0xff) {
        ascii.append(String.format("\\x%02x", cp));
      } else if (cp <= 0xffff) {
        ascii.append(String.format("\\u%04x", cp));
      } else {
        ascii.append(String.format("\\U%08x", cp));
      }
    }
    String s = ascii.toString();
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i >= s.length()) {
        throw PyException.syntax("\\ at end of string");
      }
      char e = s.charAt(i++);
      switch (e) {
        case '\n' -> { }
        case '\\' -> out.append('\\');
        case '\'' -> out.append('\'');
        case '"' -> out.append('"');
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'v' -> out.append('\u000b');
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          int v = e - '0';
          for (int k = 0; k < 2 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++) {
            v = v * 8 + (s.charAt(i++) - '0');
          }
          out.appendCodePoint(v);
        }
        case 'x', 'u', 'U' -> {
          int len = e == 'x' ? 2 : (e == 'u' ? 4 : 8);
          if (i + len > s.length() || !isHex(s, i, len)) {
            throw PyException.syntax("truncated \\" + (e == 'x' ? "xXX" : (e == 'u' ? "uXXXX" : "UXXXXXXXX"))
                + " escape");
          }
          long v = Long.parseLong(s.substring(i, i + len), 16);
          if (v > 0x10FFFF) {
            throw PyException.syntax("illegal Unicode character");
          }
          out.appendCodePoint((int) v);
          i += len;
        }
        case 'N' -> {
          int close = s.indexOf('}', i);
          if (i >= s.length() || s.charAt(i) != '{' || close < 0) {
            throw PyException.syntax("malformed \\N character escape");
          }
          String name = s.substring(i + 1, close);
          int cp;
          try {
            cp = Character.codePointOf(name);
          } catch (IllegalArgumentException unknown) {
            throw PyException.syntax("unknown Unicode character name");
          }
          out.appendCodePoint(cp);
          i = close + 1;
        }
        default -> out.append('\\').append(e);
      }
    }
    return out.toString();
  }

  private static boolean isHex(String s, int from, int len) {
    for (int k = from; k < from + len; k++) {
      if (Character.digit(s.charAt(k), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
