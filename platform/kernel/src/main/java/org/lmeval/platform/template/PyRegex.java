package org.lmeval.platform.template;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Python's {@code re.sub(pattern, repl, string, count)} for the {@code regex_replace} filter: the
 * pattern is translated to {@link java.util.regex} (named groups {@code (?P<n>)}, {@code \Z},
 * {@code $} before a final newline only, Python's {@code \s}, {@code \w}, {@code \d}, literal
 * {@code {}} and {@code [} where Python reads them literally) and the replacement template is
 * expanded as Python does ({@code \1}, {@code \g<name>}, escapes; unmatched groups give "").
 */
final class PyRegex {
  private static final Map<String, Compiled> CACHE = new ConcurrentHashMap<>();
  private static final String SPACE = "[\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x85\\xA0\\u1680\\u2000-\\u200A"
      + "\\u2028\\u2029\\u202F\\u205F\\u3000]";
  private static final String NOT_SPACE = "[^\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x85\\xA0\\u1680"
      + "\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]";
  private static final String SPACE_IN_CLASS = "\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x85\\xA0\\u1680"
      + "\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000";

  private record Compiled(Pattern pattern, Map<String, String> groupNames) {}

  private PyRegex() {}

  static String sub(String pattern, String repl, String string, long count) {
    Compiled c = CACHE.computeIfAbsent(pattern, PyRegex::compile);
    Matcher m = c.pattern.matcher(string);
    StringBuilder out = new StringBuilder();
    int last = 0;
    long n = 0;
    while ((count <= 0 || n < count) && m.find()) {
      out.append(string, last, m.start());
      expand(out, repl, m, c.groupNames);
      last = m.end();
      n++;
    }
    out.append(string, last, string.length());
    return out.toString();
  }

  private static Compiled compile(String py) {
    Map<String, String> names = new HashMap<>();
    StringBuilder j = new StringBuilder();
    int i = 0;
    int n = py.length();
    boolean inClass = false;
    int classStart = -1;
    while (i < n) {
      char c = py.charAt(i);
      if (c == '\\' && i + 1 < n) {
        char e = py.charAt(i + 1);
        i += 2;
        switch (e) {
          case 's' -> j.append(inClass ? SPACE_IN_CLASS : SPACE);
          case 'S' -> j.append(inClass ? "\\S" : NOT_SPACE);
          case 'Z' -> j.append("\\z");
          case 'U' -> {
            j.append("\\x{").append(py, i, Math.min(n, i + 8)).append('}');
            i = Math.min(n, i + 8);
          }
          default -> j.append('\\').append(e);
        }
        continue;
      }
      if (inClass) {
        if (c == ']' && i > classStart + 1 && !(i == classStart + 2 && py.charAt(classStart + 1) == '^')) {
          inClass = false;
          j.append(']');
        } else if (c == '[') {
          j.append("\\[");
        } else if (c == '&' && i + 1 < n && py.charAt(i + 1) == '&') {
          j.append("&\\&");
          i++;
        } else {
          j.append(c);
        }
        i++;
        continue;
      }
      if (c == '[') {
        inClass = true;
        classStart = i;
        j.append('[');
        i++;
        if (i < n && py.charAt(i) == '^') {
          j.append('^');
          i++;
        }
        if (i < n && py.charAt(i) == ']') {
          j.append("\\]");
          i++;
        }
        continue;
      }
      if (c == '(' && py.startsWith("(?P<", i)) {
        int close = py.indexOf('>', i);
        String name = py.substring(i + 4, close);
        String javaName = "g" + names.size() + name.replaceAll("[^A-Za-z0-9]", "");
        names.put(name, javaName);
        j.append("(?<").append(javaName).append('>');
        i = close + 1;
        continue;
      }
      if (c == '(' && py.startsWith("(?P=", i)) {
        int close = py.indexOf(')', i);
        j.append("\\k<").append(names.getOrDefault(py.substring(i + 4, close), "missing")).append('>');
        i = close + 1;
        continue;
      }
      if (c == '{' && !isQuantifier(py, i)) {
        j.append("\\{");
        i++;
        continue;
      }
      if (c == '}' && !closesQuantifier(py, i)) {
        j.append("\\}");
        i++;
        continue;
      }
      j.append(c);
      i++;
    }
    try {
      return new Compiled(Pattern.compile(j.toString(),
          Pattern.UNIX_LINES | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS), names);
    } catch (PatternSyntaxException e) {
      throw new PyException("error", e.getDescription());
    }
  }

  private static boolean isQuantifier(String s, int at) {
    int close = s.indexOf('}', at);
    return at > 0 && close > at && s.substring(at + 1, close).matches("\\d+(,\\d*)?|,\\d+");
  }

  private static boolean closesQuantifier(String s, int at) {
    int open = s.lastIndexOf('{', at);
    return open >= 0 && isQuantifier(s, open) && s.indexOf('}', open) == at;
  }

  private static void expand(StringBuilder out, String repl, Matcher m, Map<String, String> names) {
    int i = 0;
    int n = repl.length();
    while (i < n) {
      char c = repl.charAt(i++);
      if (c != '\\' || i >= n) {
        out.append(c);
        continue;
      }
      char e = repl.charAt(i++);
      if (Character.isDigit(e)) {
        int group = e - '0';
        if (i < n && Character.isDigit(repl.charAt(i)) && e != '0') {
          group = group * 10 + (repl.charAt(i++) - '0');
        }
        if (e == '0') {
          out.append('\0');
          continue;
        }
        appendGroup(out, m, group);
      } else if (e == 'g' && i < n && repl.charAt(i) == '<') {
        int close = repl.indexOf('>', i);
        if (close < 0) {
          throw new PyException("error", "missing >, unterminated name");
        }
        String name = repl.substring(i + 1, close);
        i = close + 1;
        if (name.chars().allMatch(Character::isDigit) && !name.isEmpty()) {
          appendGroup(out, m, Integer.parseInt(name));
        } else if (names.containsKey(name)) {
          String v = m.group(names.get(name));
          out.append(v == null ? "" : v);
        } else {
          throw PyException.indexError("unknown group name '" + name + "'");
        }
      } else {
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'f' -> out.append('\f');
          case 'v' -> out.append('\u000b');
          case 'a' -> out.append('\u0007');
          case 'b' -> out.append('\b');
          case '\\' -> out.append('\\');
          default -> {
            if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z')) {
              throw new PyException("error", "bad escape \\" + e);
            }
            out.append('\\').append(e);
          }
        }
      }
    }
  }

  private static void appendGroup(StringBuilder out, Matcher m, int group) {
    if (group > m.groupCount()) {
      throw new PyException("error", "invalid group reference " + group);
    }
    String v = m.group(group);
    out.append(v == null ? "" : v);
  }
}
