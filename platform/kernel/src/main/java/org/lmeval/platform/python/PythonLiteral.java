package org.lmeval.platform.python;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lmeval.api.support.UnicodeNames;

/**
 * Python's {@code ast.literal_eval} (CPython 3.11) over source text, for the literals lm-eval meets.
 *
 * <p>Results: {@code str} → {@link String}; {@code int} → {@link Integer}, {@link Long} or
 * {@link BigInteger} (the smallest that holds it); {@code float} → {@link Double}; {@code True/False}
 * → {@link Boolean}; {@code None} → {@code null}; list → {@link ArrayList}; tuple → {@link PythonTuple}
 * (a {@link List}); dict → {@link LinkedHashMap} (insertion order; a repeated key keeps its first
 * position and takes the last value); set and {@code set()} → {@link LinkedHashSet}. Dict keys and set
 * members deduplicate by Python equality ({@code 1 == 1.0 == True}); unhashable keys are rejected.
 *
 * <p>Syntax follows the Python tokenizer: string prefixes {@code r u b f} (any case), triple quotes,
 * all escapes ({@code \n \x41 &#92;u00e9 \U0001F600 \N{BULLET} \101}, unknown escapes kept verbatim),
 * adjacent literal concatenation, int forms {@code 0x 0o 0b} and underscores, floats, a sign on a
 * number, comments, backslash continuations, newlines inside brackets, a bare top-level tuple
 * ({@code 1, 2}). Line ends {@code \r\n} and {@code \r} read as {@code \n}, as Python reads source.
 * Not supported, reported as errors: bytes, complex numbers and {@code ...} (lm-eval never produces
 * them), and {@code \N{...}} aliases that Java's {@link Character#codePointOf} does not know.
 */
public final class PythonLiteral {
  private final String src;
  private int pos;
  private int depth;

  private PythonLiteral(String src) {
    this.src = src;
  }

  /**
   * {@code ast.literal_eval(text)}.
   *
   * @throws IllegalArgumentException if the text is not a Python literal; the message gives the line,
   *     column and offending text
   */
  public static Object parse(String text) {
    String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
    PythonLiteral p = new PythonLiteral(normalised);
    // literal_eval strips leading spaces and tabs before parsing
    while (p.pos < normalised.length()
        && (normalised.charAt(p.pos) == ' ' || normalised.charAt(p.pos) == '\t')) {
      p.pos++;
    }
    p.skipBlankLines();
    if (p.pos >= normalised.length()) {
      throw p.error("empty expression");
    }
    Object value = p.topLevel();
    p.skipBlankLines();
    if (p.pos < normalised.length()) {
      throw p.error("unexpected text after the literal");
    }
    return value;
  }

  /**
   * {@code ast.literal_eval(text)} or empty when the text is not a literal. Python {@code None} parses
   * to Java {@code null}, which an {@link Optional} cannot hold, so {@code "None"} also gives empty:
   * use {@link #parseOrDefault} or {@link #parse} when None matters.
   */
  public static Optional<Object> tryParse(String text) {
    try {
      return Optional.ofNullable(parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The common {@code try: literal_eval(text) except: fallback} pattern. */
  public static Object parseOrDefault(String text, Object fallback) {
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }

  // ------------------------------------------------------------------------------------ grammar

  private Object topLevel() {
    Object first = expression();
    skipSpace();
    if (!at(',')) {
      return first;
    }
    List<Object> items = new ArrayList<>();
    items.add(first);
    while (at(',')) {
      pos++;
      skipSpace();
      if (atLogicalLineEnd()) {
        break;
      }
      items.add(expression());
      skipSpace();
    }
    return PythonTuple.copyOf(items);
  }

  private Object expression() {
    skipSpace();
    int start = pos;
    if (at('-') || at('+')) {
      boolean negate = at('-');
      pos++;
      skipSpace();
      Object operand = numberOperand(start);
      return negate ? negate(operand) : operand;
    }
    Object value = atom();
    checkNoOperator();
    return value;
  }

  /** The operand of a unary sign: a number, possibly parenthesised. */
  private Object numberOperand(int signAt) {
    int start = pos;
    if (at('(')) {
      pos++;
      depth++;
      skipSpace();
      Object inner = numberOperand(signAt);
      skipSpace();
      if (!at(')')) {
        throw errorAt(signAt, "a sign applies only to a number");
      }
      pos++;
      depth--;
      checkNoOperator();
      return inner;
    }
    if (pos < src.length() && (isDigit(src.charAt(pos)) || (at('.') && pos + 1 < src.length()
        && isDigit(src.charAt(pos + 1))))) {
      Object n = number();
      checkNoOperator();
      return n;
    }
    pos = start;
    throw errorAt(signAt, "a sign applies only to a number");
  }

  private void checkNoOperator() {
    int save = pos;
    skipSpace();
    if (pos < src.length() && "+-*/%@<>=!&|^~.[(".indexOf(src.charAt(pos)) >= 0) {
      throw error("operators and calls are not literals");
    }
    if (pos < src.length() && Character.isLetter(src.charAt(pos))) {
      throw error("expressions are not literals");
    }
    pos = save;
  }

  private static Object negate(Object n) {
    if (n instanceof Integer) {
      return narrow(BigInteger.valueOf(-(long) (Integer) n));
    }
    if (n instanceof Long) {
      return narrow(BigInteger.valueOf((Long) n).negate());
    }
    if (n instanceof BigInteger) {
      return narrow(((BigInteger) n).negate());
    }
    return -(Double) n;
  }

  private Object atom() {
    if (pos >= src.length()) {
      throw error("unexpected end of text, a value is expected");
    }
    char c = src.charAt(pos);
    if (c == '[') {
      return list();
    }
    if (c == '(') {
      return parenthesised();
    }
    if (c == '{') {
      return braces();
    }
    if (c == '\'' || c == '"') {
      return strings();
    }
    if (isDigit(c) || (c == '.' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
      return number();
    }
    if (c == '.') {
      throw error("'...' (Ellipsis) is not supported");
    }
    if (Character.isUnicodeIdentifierStart(c) || c == '_') {
      int start = pos;
      String word = identifier();
      if (at('\'') || at('"')) {
        pos = start;
        return strings();
      }
      switch (word) {
        case "True":
          return Boolean.TRUE;
        case "False":
          return Boolean.FALSE;
        case "None":
          return null;
        case "set":
          skipSpace();
          if (at('(')) {
            pos++;
            depth++;
            skipSpace();
            if (at(')')) {
              pos++;
              depth--;
              return new LinkedHashSet<>();
            }
          }
          throw errorAt(start, "only set() with no arguments is a literal");
        default:
          throw errorAt(start, "names are not literals: '" + word + "'");
      }
    }
    throw error("unexpected character");
  }

  private List<Object> list() {
    pos++;
    depth++;
    List<Object> items = new ArrayList<>();
    skipSpace();
    while (!at(']')) {
      items.add(expression());
      skipSpace();
      if (at(',')) {
        pos++;
        skipSpace();
      } else if (!at(']')) {
        throw error("',' or ']' expected in list");
      }
    }
    pos++;
    depth--;
    return items;
  }

  private Object parenthesised() {
    pos++;
    depth++;
    skipSpace();
    if (at(')')) {
      pos++;
      depth--;
      return PythonTuple.of();
    }
    Object first = expression();
    skipSpace();
    if (at(')')) {
      pos++;
      depth--;
      return first;
    }
    List<Object> items = new ArrayList<>();
    items.add(first);
    while (at(',')) {
      pos++;
      skipSpace();
      if (at(')')) {
        break;
      }
      items.add(expression());
      skipSpace();
    }
    if (!at(')')) {
      throw error("',' or ')' expected in tuple");
    }
    pos++;
    depth--;
    return PythonTuple.copyOf(items);
  }

  private Object braces() {
    pos++;
    depth++;
    skipSpace();
    if (at('}')) {
      pos++;
      depth--;
      return new LinkedHashMap<>();
    }
    int firstAt = pos;
    Object first = expression();
    skipSpace();
    if (at(':')) {
      Map<Object, Object> dict = new LinkedHashMap<>();
      Map<Object, Object> canonicalKeys = new HashMap<>();
      Object key = first;
      int keyAt = firstAt;
      while (true) {
        pos++; // ':'
        skipSpace();
        if (at('}') || at(',')) {
          throw error("a value is expected after the dictionary key and ':'");
        }
        Object value = expression();
        Object canonical = hashKey(key, keyAt);
        Object existing = canonicalKeys.putIfAbsent(canonical, key);
        dict.put(existing == null ? key : existing, value);
        skipSpace();
        if (at(',')) {
          pos++;
          skipSpace();
        } else if (!at('}')) {
          throw error("',' or '}' expected in dict");
        }
        if (at('}')) {
          break;
        }
        keyAt = pos;
        key = expression();
        skipSpace();
        if (!at(':')) {
          throw error("':' expected after dictionary key");
        }
      }
      pos++;
      depth--;
      return dict;
    }
    Set<Object> set = new LinkedHashSet<>();
    Set<Object> canonical = new java.util.HashSet<>();
    Object item = first;
    int itemAt = firstAt;
    while (true) {
      if (canonical.add(hashKey(item, itemAt))) {
        set.add(item);
      }
      if (at(',')) {
        pos++;
        skipSpace();
      } else if (!at('}')) {
        throw error(at(':') ? "':' cannot follow a set member" : "',' or '}' expected in set");
      }
      if (at('}')) {
        break;
      }
      itemAt = pos;
      item = expression();
      skipSpace();
    }
    pos++;
    depth--;
    return set;
  }

  /**
   * A Java key with Python's hash equality: numbers (and booleans) by value, tuples element-wise;
   * lists, dicts and sets are unhashable.
   */
  private Object hashKey(Object v, int at) {
    if (v == null || v instanceof String) {
      return v == null ? NoneKey.NONE : v;
    }
    if (v instanceof Boolean) {
      return BigInteger.valueOf((Boolean) v ? 1 : 0);
    }
    if (v instanceof Integer || v instanceof Long) {
      return BigInteger.valueOf(((Number) v).longValue());
    }
    if (v instanceof BigInteger) {
      return v;
    }
    if (v instanceof Double) {
      double d = (Double) v;
      if (Double.isFinite(d) && d == Math.rint(d)) {
        return new BigDecimal(d).toBigIntegerExact();
      }
      return Double.isNaN(d) ? v : (Object) d;
    }
    if (v instanceof PythonTuple) {
      List<Object> keys = new ArrayList<>();
      for (Object o : (PythonTuple) v) {
        keys.add(hashKey(o, at));
      }
      return keys;
    }
    String type = v instanceof List ? "list" : v instanceof Map ? "dict" : "set";
    throw errorAt(at, "unhashable type: '" + type + "'");
  }

  private enum NoneKey {
    NONE
  }

  // ------------------------------------------------------------------------------------ numbers

  private Object number() {
    int start = pos;
    if (at('0') && pos + 1 < src.length() && "xXoObB".indexOf(src.charAt(pos + 1)) >= 0) {
      char kind = Character.toLowerCase(src.charAt(pos + 1));
      int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
      pos += 2;
      StringBuilder digits = new StringBuilder();
      while (pos < src.length()) {
        char c = src.charAt(pos);
        if (c == '_' && pos + 1 < src.length() && asciiDigit(src.charAt(pos + 1), radix) >= 0) {
          pos++;
          continue;
        }
        if (asciiDigit(c, radix) < 0) {
          break;
        }
        digits.append(c);
        pos++;
      }
      if (digits.length() == 0) {
        throw errorAt(start, "invalid " + (radix == 16 ? "hexadecimal" : radix == 8 ? "octal"
            : "binary") + " literal");
      }
      checkNumberEnd(start);
      return narrow(new BigInteger(digits.toString(), radix));
    }
    StringBuilder text = new StringBuilder();
    boolean isFloat = false;
    String intPart = at('.') ? "" : digitPart(start);
    text.append(intPart);
    if (at('.')) {
      isFloat = true;
      pos++;
      text.append('.');
      if (pos < src.length() && isDigit(src.charAt(pos))) {
        text.append(digitPart(start));
      }
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      int save = pos;
      pos++;
      StringBuilder exp = new StringBuilder("e");
      if (at('+') || at('-')) {
        exp.append(src.charAt(pos));
        pos++;
      }
      if (pos < src.length() && isDigit(src.charAt(pos))) {
        exp.append(digitPart(start));
        text.append(exp);
        isFloat = true;
      } else {
        pos = save;
        throw errorAt(start, "invalid decimal literal");
      }
    }
    if (pos < src.length() && (src.charAt(pos) == 'j' || src.charAt(pos) == 'J')) {
      throw errorAt(start, "complex numbers are not supported");
    }
    checkNumberEnd(start);
    if (isFloat) {
      return Double.parseDouble(text.toString());
    }
    if (intPart.length() > 1 && intPart.charAt(0) == '0' && intPart.chars().anyMatch(c -> c != '0')) {
      throw errorAt(start, "leading zeros in decimal integer literals are not permitted");
    }
    return narrow(new BigInteger(intPart));
  }

  /** Digits with single underscores between them. */
  private String digitPart(int numberStart) {
    StringBuilder b = new StringBuilder();
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (isDigit(c)) {
        b.append(c);
        pos++;
      } else if (c == '_' && b.length() > 0 && pos + 1 < src.length() && isDigit(src.charAt(pos + 1))) {
        pos++;
      } else {
        break;
      }
    }
    if (b.length() == 0) {
      throw errorAt(numberStart, "invalid decimal literal");
    }
    return b.toString();
  }

  private void checkNumberEnd(int start) {
    if (pos < src.length()) {
      char c = src.charAt(pos);
      if (Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c) || c == '_') {
        throw errorAt(start, "invalid number literal");
      }
    }
  }

  private static Object narrow(BigInteger v) {
    if (v.bitLength() < 32) {
      return v.intValue();
    }
    if (v.bitLength() < 64) {
      return v.longValue();
    }
    return v;
  }

  // ------------------------------------------------------------------------------------ strings

  /** One or more adjacent string literals, concatenated. */
  private String strings() {
    StringBuilder out = new StringBuilder();
    do {
      stringLiteral(out);
      int save = pos;
      skipSpace();
      if (!startsString()) {
        pos = save;
        break;
      }
    } while (true);
    checkNoOperator();
    return out.toString();
  }

  private boolean startsString() {
    int p = pos;
    while (p < src.length() && p - pos < 3 && Character.isLetter(src.charAt(p))) {
      p++;
    }
    if (p >= src.length() || (src.charAt(p) != '\'' && src.charAt(p) != '"')) {
      return false;
    }
    String prefix = src.substring(pos, p).toLowerCase(java.util.Locale.ROOT);
    return isStringPrefix(prefix);
  }

  private static boolean isStringPrefix(String p) {
    switch (p) {
      case "": case "r": case "u": case "b": case "br": case "rb": case "f": case "fr": case "rf":
        return true;
      default:
        return false;
    }
  }

  private void stringLiteral(StringBuilder out) {
    int start = pos;
    while (pos < src.length() && Character.isLetter(src.charAt(pos))) {
      pos++;
    }
    String prefix = src.substring(start, pos).toLowerCase(java.util.Locale.ROOT);
    if (!isStringPrefix(prefix)) {
      throw errorAt(start, "invalid string prefix '" + src.substring(start, pos) + "'");
    }
    if (prefix.contains("b")) {
      throw errorAt(start, "bytes literals are not supported");
    }
    if (prefix.contains("f")) {
      throw errorAt(start, "f-strings are not literals");
    }
    boolean raw = prefix.contains("r");
    char quote = src.charAt(pos);
    boolean triple = src.startsWith(String.valueOf(quote).repeat(3), pos);
    pos += triple ? 3 : 1;
    while (true) {
      if (pos >= src.length()) {
        throw errorAt(start, "unterminated " + (triple ? "triple-quoted " : "") + "string literal");
      }
      char c = src.charAt(pos);
      if (c == quote) {
        if (!triple) {
          pos++;
          return;
        }
        if (src.startsWith(String.valueOf(quote).repeat(3), pos)) {
          pos += 3;
          return;
        }
        out.append(c);
        pos++;
      } else if (c == '\n' && !triple) {
        throw errorAt(start, "unterminated string literal");
      } else if (c == '\\') {
        if (pos + 1 >= src.length()) {
          throw errorAt(start, "unterminated string literal");
        }
        if (raw) {
          // a backslash keeps the next character (even a quote or newline) in the string
          out.append(c).append(src.charAt(pos + 1));
          pos += 2;
        } else {
          escape(out, start);
        }
      } else {
        out.append(c);
        pos++;
      }
    }
  }

  private void escape(StringBuilder out, int literalStart) {
    int at = pos;
    char e = src.charAt(pos + 1);
    pos += 2;
    switch (e) {
      case '\n': return;
      case '\\': out.append('\\'); return;
      case '\'': out.append('\''); return;
      case '"': out.append('"'); return;
      case 'a': out.append('\u0007'); return;
      case 'b': out.append('\b'); return;
      case 'f': out.append('\f'); return;
      case 'n': out.append('\n'); return;
      case 'r': out.append('\r'); return;
      case 't': out.append('\t'); return;
      case 'v': out.append('\u000b'); return;
      case 'x': out.appendCodePoint(hexEscape(2, at)); return;
      case 'u': out.appendCodePoint(hexEscape(4, at)); return;
      case 'U': {
        int cp = hexEscape(8, at);
        if (cp > Character.MAX_CODE_POINT || cp < 0) {
          throw errorAt(at, "illegal Unicode character in \\U escape");
        }
        out.appendCodePoint(cp);
        return;
      }
      case 'N': {
        int close = src.indexOf('}', pos);
        if (!at('{') || close < 0) {
          throw errorAt(at, "malformed \\N character escape");
        }
        String name = src.substring(pos + 1, close);
        int cp = UnicodeNames.lookup(name);
        if (cp < 0) {
          throw errorAt(at, "unknown Unicode character name '" + name + "'");
        }
        out.appendCodePoint(cp);
        pos = close + 1;
        return;
      }
      default:
        if (e >= '0' && e <= '7') {
          int v = e - '0';
          for (int i = 0; i < 2 && pos < src.length() && src.charAt(pos) >= '0'
              && src.charAt(pos) <= '7'; i++) {
            v = v * 8 + (src.charAt(pos++) - '0');
          }
          out.append((char) v);
          return;
        }
        // unknown escapes are kept as written (Python warns, but keeps the backslash)
        out.append('\\');
        pos--;
    }
  }

  private int hexEscape(int digits, int escapeAt) {
    if (pos + digits > src.length()) {
      throw errorAt(escapeAt, "truncated \\" + src.charAt(escapeAt + 1) + " escape");
    }
    int v = 0;
    for (int i = 0; i < digits; i++) {
      int d = asciiDigit(src.charAt(pos + i), 16);
      if (d < 0) {
        throw errorAt(escapeAt, "truncated \\" + src.charAt(escapeAt + 1) + " escape");
      }
      v = v * 16 + d;
    }
    pos += digits;
    return v;
  }

  // ------------------------------------------------------------------------------------ lexing

  private String identifier() {
    int start = pos;
    pos++;
    while (pos < src.length() && (Character.isUnicodeIdentifierPart(src.charAt(pos))
        && !Character.isIdentifierIgnorable(src.charAt(pos)) || src.charAt(pos) == '_')) {
      pos++;
    }
    return src.substring(start, pos);
  }

  /**
   * Skips spaces, tabs, form feeds, comments and backslash continuations; newlines only inside
   * brackets (at the top level a newline ends the expression).
   */
  private void skipSpace() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\f') {
        pos++;
      } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
        pos += 2;
      } else if (c == '#') {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == '\n' && depth > 0) {
        pos++;
      } else {
        return;
      }
    }
  }

  /** Skips whitespace, comments and whole blank lines (before and after the top-level expression). */
  private void skipBlankLines() {
    int saveDepth = depth;
    depth = 1;
    skipSpace();
    depth = saveDepth;
  }

  private boolean atLogicalLineEnd() {
    return pos >= src.length() || src.charAt(pos) == '\n';
  }

  private boolean at(char c) {
    return pos < src.length() && src.charAt(pos) == c;
  }

  private static int asciiDigit(char c, int radix) {
    return c < 128 ? Character.digit(c, radix) : -1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private IllegalArgumentException error(String what) {
    return errorAt(pos, what);
  }

  private IllegalArgumentException errorAt(int at, String what) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < at && i < src.length(); i++) {
      if (src.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    String found = at >= src.length() ? "end of text"
        : "'" + src.substring(at, Math.min(src.length(), at + 20)) + "'";
    String shown = src.length() > 200 ? src.substring(0, 200) + "..." : src;
    return new IllegalArgumentException("not a Python literal: " + what + " at line " + line
        + ", column " + (at - lineStart + 1) + " (at " + found + ") in: " + shown);
  }
}
