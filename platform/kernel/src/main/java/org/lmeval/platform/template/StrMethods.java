package org.lmeval.platform.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.lmeval.platform.python.PythonTuple;

/**
 * Python's {@code str} methods with CPython's semantics: indices and lengths in code points,
 * Python's whitespace set, {@code split(sep)} keeping empty fields, CPython's argument checks.
 */
final class StrMethods {
  static final Set<String> NAMES = Set.of(
      "capitalize", "casefold", "center", "count", "endswith", "expandtabs", "find", "format",
      "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower",
      "isnumeric", "isprintable", "isspace", "istitle", "isupper", "join", "ljust", "lower",
      "lstrip", "partition", "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust",
      "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase",
      "title", "upper", "zfill");

  private StrMethods() {}

  static Object call(String s, String name, Args a) {
    return switch (name) {
      case "strip" -> strip(s, stripChars(a), true, true);
      case "lstrip" -> strip(s, stripChars(a), true, false);
      case "rstrip" -> strip(s, stripChars(a), false, true);
      case "split" -> split(s, a, false);
      case "rsplit" -> split(s, a, true);
      case "splitlines" -> splitlines(s, Py.truthy(a.keywords("keepends").count(0, 1)
          .get(0, "keepends", false)));
      case "join" -> join(s, a.noKeywords().count(1, 1).get(0));
      case "replace" -> replace(s, a);
      case "find", "index", "rfind", "rindex" -> find(s, name, a);
      case "count" -> count(s, a);
      case "startswith", "endswith" -> startsOrEndsWith(s, name, a);
      case "lower" -> {
        noArgs(a);
        yield PyUnicode.lower(s);
      }
      case "upper" -> {
        noArgs(a);
        yield PyUnicode.upper(s);
      }
      case "capitalize" -> {
        noArgs(a);
        yield PyUnicode.capitalize(s);
      }
      case "title" -> {
        noArgs(a);
        yield PyUnicode.title(s);
      }
      case "swapcase" -> {
        noArgs(a);
        yield PyUnicode.swapcase(s);
      }
      case "casefold" -> {
        noArgs(a);
        yield PyUnicode.casefold(s);
      }
      case "isdigit" -> all(s, a, PyUnicode::isDigit);
      case "isdecimal" -> all(s, a, PyUnicode::isDecimal);
      case "isnumeric" -> all(s, a, PyUnicode::isNumeric);
      case "isalpha" -> all(s, a, PyUnicode::isAlpha);
      case "isalnum" -> all(s, a, cp -> PyUnicode.isAlpha(cp) || PyUnicode.isNumeric(cp));
      case "isspace" -> all(s, a, PyUnicode::isSpace);
      case "isascii" -> {
        noArgs(a);
        yield s.chars().allMatch(c -> c < 128);
      }
      case "isprintable" -> {
        noArgs(a);
        yield s.codePoints().allMatch(Py::isPrintable);
      }
      case "isidentifier" -> {
        noArgs(a);
        yield isIdentifier(s);
      }
      case "islower" -> caseCheck(s, a, true);
      case "isupper" -> caseCheck(s, a, false);
      case "istitle" -> istitle(s, a);
      case "center", "ljust", "rjust" -> pad(s, name, a);
      case "zfill" -> zfill(s, Args.index(a.noKeywords().count(1, 1).get(0)));
      case "partition", "rpartition" -> partition(s, name, a);
      case "removeprefix" -> {
        String p = Args.str(a.noKeywords().count(1, 1).get(0), "removeprefix() argument");
        yield s.startsWith(p) ? s.substring(p.length()) : s;
      }
      case "removesuffix" -> {
        String p = Args.str(a.noKeywords().count(1, 1).get(0), "removesuffix() argument");
        yield s.endsWith(p) && !p.isEmpty() ? s.substring(0, s.length() - p.length()) : s;
      }
      case "expandtabs" -> expandtabs(s, Args.index(a.keywords("tabsize").count(0, 1)
          .get(0, "tabsize", 8L)));
      case "format" -> PyFormat.format(s, a.positional(), a.keywords());
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static void noArgs(Args a) {
    a.noKeywords().count(0, 0);
  }

  // ---------------------------------------------------------------------------- strip/split

  private static String stripChars(Args a) {
    a.noKeywords().count(0, 1);
    Object chars = a.size() == 0 ? null : a.get(0);
    if (chars == null) {
      return null;
    }
    if (chars instanceof String c) {
      return c;
    }
    if (chars instanceof Undefined u) {
      throw u.error();
    }
    throw PyException.typeError(a.function() + " arg must be None or str");
  }

  /** {@code str.strip([chars])}: chars null strips Python whitespace. */
  static String strip(String s, String chars, boolean left, boolean right) {
    IntPredicate strip = chars == null ? PyUnicode::isSpace
        : cp -> chars.indexOf(Character.toString(cp)) >= 0;
    int start = 0;
    int end = s.length();
    if (left) {
      while (start < end) {
        int cp = s.codePointAt(start);
        if (!strip.test(cp)) {
          break;
        }
        start += Character.charCount(cp);
      }
    }
    if (right) {
      while (end > start) {
        int cp = s.codePointBefore(end);
        if (!strip.test(cp)) {
          break;
        }
        end -= Character.charCount(cp);
      }
    }
    return s.substring(start, end);
  }

  private static List<Object> split(String s, Args a, boolean fromRight) {
    a.keywords("sep", "maxsplit").count(0, 2);
    Object sepArg = a.get(0, "sep", null);
    long maxsplit = Args.index(a.get(1, "maxsplit", -1L));
    if (sepArg instanceof Undefined u) {
      throw u.error();
    }
    if (sepArg != null && !(sepArg instanceof String)) {
      throw PyException.typeError("must be str or None, not " + Py.typeName(sepArg));
    }
    if (maxsplit < 0) {
      maxsplit = Long.MAX_VALUE;
    }
    String sep = (String) sepArg;
    if (sep == null) {
      return fromRight ? rsplitWhitespace(s, maxsplit) : splitWhitespace(s, maxsplit);
    }
    if (sep.isEmpty()) {
      throw PyException.valueError("empty separator");
    }
    List<Object> out = new ArrayList<>();
    if (!fromRight) {
      int from = 0;
      while (maxsplit-- > 0) {
        int at = s.indexOf(sep, from);
        if (at < 0) {
          break;
        }
        out.add(s.substring(from, at));
        from = at + sep.length();
      }
      out.add(s.substring(from));
    } else {
      int to = s.length();
      while (maxsplit-- > 0) {
        int at = s.lastIndexOf(sep, to - sep.length());
        if (at < 0) {
          break;
        }
        out.add(s.substring(at + sep.length(), to));
        to = at;
      }
      out.add(s.substring(0, to));
      Collections.reverse(out);
    }
    return out;
  }

  /** {@code str.split()} with no separator: runs of Python whitespace, no empty fields. */
  static List<Object> splitWhitespace(String s, long maxsplit) {
    List<Object> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (true) {
      while (i < n && PyUnicode.isSpace(s.codePointAt(i))) {
        i += Character.charCount(s.codePointAt(i));
      }
      if (i >= n) {
        break;
      }
      if (maxsplit-- <= 0) {
        out.add(strip(s.substring(i), null, false, true));
        break;
      }
      int start = i;
      while (i < n && !PyUnicode.isSpace(s.codePointAt(i))) {
        i += Character.charCount(s.codePointAt(i));
      }
      out.add(s.substring(start, i));
    }
    return out;
  }

  private static List<Object> rsplitWhitespace(String s, long maxsplit) {
    List<Object> out = new ArrayList<>();
    int i = s.length();
    while (true) {
      while (i > 0 && PyUnicode.isSpace(s.codePointBefore(i))) {
        i -= Character.charCount(s.codePointBefore(i));
      }
      if (i <= 0) {
        break;
      }
      if (maxsplit-- <= 0) {
        out.add(strip(s.substring(0, i), null, true, false));
        break;
      }
      int end = i;
      while (i > 0 && !PyUnicode.isSpace(s.codePointBefore(i))) {
        i -= Character.charCount(s.codePointBefore(i));
      }
      out.add(s.substring(i, end));
    }
    Collections.reverse(out);
    return out;
  }

  static List<Object> splitlines(String s, boolean keepends) {
    List<Object> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      int start = i;
      while (i < n && !PyUnicode.isLineBreak(s.codePointAt(i))) {
        i += Character.charCount(s.codePointAt(i));
      }
      int eol = i;
      if (i < n) {
        if (s.charAt(i) == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
          i += 2;
        } else {
          i += Character.charCount(s.codePointAt(i));
        }
      }
      out.add(s.substring(start, keepends ? i : eol));
    }
    return out;
  }

  // ------------------------------------------------------------------------------- others

  private static String join(String sep, Object iterable) {
    List<Object> items = Py.iterate(iterable);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      if (!(item instanceof String str)) {
        throw PyException.typeError("sequence item " + i + ": expected str instance, "
            + Py.typeName(item) + " found");
      }
      if (i > 0) {
        sb.append(sep);
      }
      sb.append(str);
    }
    return sb.toString();
  }

  private static String replace(String s, Args a) {
    a.noKeywords().count(2, 3);
    String old = strArg(a.get(0), "replace() argument 1");
    String rep = strArg(a.get(1), "replace() argument 2");
    long count = a.size() > 2 ? Args.index(a.get(2)) : -1;
    return replace(s, old, rep, count);
  }

  private static String strArg(Object value, String what) {
    if (value instanceof String str) {
      return str;
    }
    if (value instanceof Undefined u) {
      throw u.error();
    }
    throw PyException.typeError(what + " must be str, not " + Py.typeName(value));
  }

  /** {@code str.replace(old, new, count)}; an empty {@code old} inserts between code points. */
  static String replace(String s, String old, String rep, long count) {
    if (count < 0) {
      count = Long.MAX_VALUE;
    }
    StringBuilder sb = new StringBuilder();
    if (old.isEmpty()) {
      int i = 0;
      while (i <= s.length()) {
        if (count-- > 0) {
          sb.append(rep);
        } else {
          sb.append(s, i, s.length());
          break;
        }
        if (i == s.length()) {
          break;
        }
        int cp = s.codePointAt(i);
        sb.appendCodePoint(cp);
        i += Character.charCount(cp);
      }
      return sb.toString();
    }
    int from = 0;
    while (count-- > 0) {
      int at = s.indexOf(old, from);
      if (at < 0) {
        break;
      }
      sb.append(s, from, at).append(rep);
      from = at + old.length();
    }
    return sb.append(s, from, s.length()).toString();
  }

  /** Resolves Python's optional {@code start, end} (code points, slice rules) to char offsets. */
  private static int[] range(String s, Args a, int first) {
    int len = s.codePointCount(0, s.length());
    long start = 0;
    long end = len;
    if (a.size() > first && a.get(first) != null) {
      start = Args.index(a.get(first));
    }
    if (a.size() > first + 1 && a.get(first + 1) != null) {
      end = Args.index(a.get(first + 1));
    }
    if (start < 0) {
      start = Math.max(0, start + len);
    }
    if (end < 0) {
      end = Math.max(0, end + len);
    }
    end = Math.min(end, len);
    if (start > len) {
      return null; // Python: start beyond the end finds nothing, not even ""
    }
    int startChar = s.offsetByCodePoints(0, (int) start);
    int endChar = end < start ? startChar : s.offsetByCodePoints(0, (int) end);
    return new int[] {startChar, endChar};
  }

  private static Object find(String s, String name, Args a) {
    a.noKeywords();
    if (a.size() < 1) {
      throw PyException.typeError(name + "() takes at least 1 argument (0 given)");
    }
    a.count(1, 3);
    Object subArg = a.get(0);
    if (!(subArg instanceof String sub)) {
      if (subArg instanceof Undefined u) {
        throw u.error();
      }
      throw PyException.typeError("must be str, not " + Py.typeName(subArg));
    }
    int[] r = range(s, a, 1);
    int at = -1;
    if (r != null && r[1] - r[0] >= sub.length()) {
      String window = s.substring(r[0], r[1]);
      int i = name.startsWith("r") ? window.lastIndexOf(sub) : window.indexOf(sub);
      if (i >= 0) {
        at = s.codePointCount(0, r[0] + i);
      }
    }
    if (at < 0 && name.endsWith("index")) {
      throw PyException.valueError("substring not found");
    }
    return (long) at;
  }

  private static Object count(String s, Args a) {
    a.noKeywords();
    if (a.size() < 1) {
      throw PyException.typeError("count() takes at least 1 argument (0 given)");
    }
    a.count(1, 3);
    Object subArg = a.get(0);
    if (!(subArg instanceof String sub)) {
      if (subArg instanceof Undefined u) {
        throw u.error();
      }
      throw PyException.typeError("must be str, not " + Py.typeName(subArg));
    }
    int[] r = range(s, a, 1);
    if (r == null || r[1] < r[0]) {
      return 0L;
    }
    String window = s.substring(r[0], r[1]);
    if (sub.isEmpty()) {
      return (long) window.codePointCount(0, window.length()) + 1;
    }
    long n = 0;
    int from = 0;
    while ((from = window.indexOf(sub, from)) >= 0) {
      n++;
      from += sub.length();
    }
    return n;
  }

  private static Object startsOrEndsWith(String s, String name, Args a) {
    a.noKeywords();
    if (a.size() < 1) {
      throw PyException.typeError(name + "() takes at least 1 argument (0 given)");
    }
    a.count(1, 3);
    Object what = a.get(0);
    List<String> options = new ArrayList<>();
    if (what instanceof String p) {
      options.add(p);
    } else if (what instanceof PythonTuple t) {
      for (Object o : t) {
        if (!(o instanceof String p)) {
          throw PyException.typeError("tuple for " + name + " must only contain str, not "
              + Py.typeName(o));
        }
        options.add(p);
      }
    } else {
      if (what instanceof Undefined u) {
        throw u.error();
      }
      throw PyException.typeError(name + " first arg must be str or a tuple of str, not "
          + Py.typeName(what));
    }
    int[] r = range(s, a, 1);
    if (r == null) {
      return false;
    }
    String window = r[1] >= r[0] ? s.substring(r[0], r[1]) : "";
    for (String p : options) {
      if (r[1] >= r[0] || p.isEmpty()) {
        if (name.equals("startswith") ? window.startsWith(p) : window.endsWith(p)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean all(String s, Args a, IntPredicate test) {
    a.noKeywords().count(0, 0);
    return !s.isEmpty() && s.codePoints().allMatch(test);
  }

  private static boolean caseCheck(String s, Args a, boolean lower) {
    a.noKeywords().count(0, 0);
    boolean cased = false;
    for (int cp : s.codePoints().toArray()) {
      if (lower ? (PyUnicode.isUpper(cp) || PyUnicode.isTitle(cp))
          : (PyUnicode.isLower(cp) || PyUnicode.isTitle(cp))) {
        return false;
      }
      if (lower ? PyUnicode.isLower(cp) : PyUnicode.isUpper(cp)) {
        cased = true;
      }
    }
    return cased;
  }

  private static boolean istitle(String s, Args a) {
    a.noKeywords().count(0, 0);
    boolean cased = false;
    boolean previousCased = false;
    for (int cp : s.codePoints().toArray()) {
      if (PyUnicode.isUpper(cp) || PyUnicode.isTitle(cp)) {
        if (previousCased) {
          return false;
        }
        previousCased = true;
        cased = true;
      } else if (PyUnicode.isLower(cp)) {
        if (!previousCased) {
          return false;
        }
        previousCased = true;
        cased = true;
      } else {
        previousCased = false;
      }
    }
    return cased;
  }

  private static boolean isIdentifier(String s) {
    if (s.isEmpty()) {
      return false;
    }
    int first = s.codePointAt(0);
    if (first != '_' && !Character.isUnicodeIdentifierStart(first)) {
      return false;
    }
    return s.codePoints().skip(1).allMatch(cp -> cp == '_'
        || (Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp)));
  }

  private static String pad(String s, String name, Args a) {
    a.noKeywords().count(1, 2);
    long width = Args.index(a.get(0));
    String fill = " ";
    if (a.size() > 1) {
      Object f = a.get(1);
      if (!(f instanceof String fs) || fs.codePointCount(0, fs.length()) != 1) {
        throw PyException.typeError("The fill character must be exactly one character long");
      }
      fill = fs;
    }
    int len = s.codePointCount(0, s.length());
    if (width <= len) {
      return s;
    }
    long marg = width - len;
    long left;
    switch (name) {
      case "ljust" -> left = 0;
      case "rjust" -> left = marg;
      default -> left = marg / 2 + (marg & width & 1);
    }
    return fill.repeat((int) left) + s + fill.repeat((int) (marg - left));
  }

  private static String zfill(String s, long width) {
    int len = s.codePointCount(0, s.length());
    if (width <= len) {
      return s;
    }
    String zeros = "0".repeat((int) (width - len));
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      return s.charAt(0) + zeros + s.substring(1);
    }
    return zeros + s;
  }

  private static PythonTuple partition(String s, String name, Args a) {
    String sep = strArg(a.noKeywords().count(1, 1).get(0), name + "() argument");
    if (sep.isEmpty()) {
      throw PyException.valueError("empty separator");
    }
    boolean right = name.equals("rpartition");
    int at = right ? s.lastIndexOf(sep) : s.indexOf(sep);
    if (at < 0) {
      return right ? PythonTuple.of("", "", s) : PythonTuple.of(s, "", "");
    }
    return PythonTuple.of(s.substring(0, at), sep, s.substring(at + sep.length()));
  }

  private static String expandtabs(String s, long tabsize) {
    StringBuilder sb = new StringBuilder();
    int column = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\t') {
        if (tabsize > 0) {
          int spaces = (int) (tabsize - column % tabsize);
          sb.append(" ".repeat(spaces));
          column += spaces;
        }
      } else {
        sb.appendCodePoint(cp);
        column = (cp == '\n' || cp == '\r') ? 0 : column + 1;
      }
    }
    return sb.toString();
  }
}
