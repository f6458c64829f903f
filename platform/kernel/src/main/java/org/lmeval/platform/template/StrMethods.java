package org.lmeval.platform.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.lmeval.api.support.PythonStrings;
import org.lmeval.platform.python.PythonStr;
import org.lmeval.platform.python.PythonTuple;

/**
 * Python's {@code str} methods as template calls: CPython's argument checks and errors, the methods
 * themselves from {@link PythonStrings} (code points, Python's whitespace and case mappings), plus the
 * few it lacks ({@code splitlines}, {@code partition}, {@code center}, {@code startswith} with tuples
 * and bounds, ...).
 */
final class StrMethods {
  static final Set<String> NAMES = Set.of(
      "capitalize", "casefold", "center", "count", "endswith", "expandtabs", "find", "format",
      "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower",
      "isnumeric", "isprintable", "isspace", "istitle", "isupper", "join", "ljust", "lower",
      "lstrip", "partition", "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust",
      "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase",
      "title", "upper", "zfill");

  /** The methods that take no arguments. */
  private static final Map<String, Function<String, Object>> NO_ARGS = Map.ofEntries(
      Map.entry("lower", PythonStrings::lower),
      Map.entry("upper", PythonStrings::upper),
      Map.entry("capitalize", PythonStrings::capitalize),
      Map.entry("title", PythonStrings::title),
      Map.entry("swapcase", PyUnicode::swapcase),
      Map.entry("casefold", PyUnicode::casefold),
      Map.entry("isascii", s -> s.chars().allMatch(c -> c < 128)),
      Map.entry("isprintable", s -> s.codePoints().allMatch(PythonStr::isPrintable)),
      Map.entry("isidentifier", StrMethods::isIdentifier),
      Map.entry("islower", PythonStrings::islower),
      Map.entry("isupper", PythonStrings::isupper));

  private StrMethods() {}

  static Object call(String s, String name, Args a) {
    Function<String, Object> noArgMethod = NO_ARGS.get(name);
    if (noArgMethod != null) {
      noArgs(a);
      return noArgMethod.apply(s);
    }
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
      case "isdigit" -> all(s, a, PythonStrings::isdigit);
      case "isdecimal" -> all(s, a, PythonStrings::isdecimal);
      case "isnumeric" -> all(s, a, PythonStrings::isnumeric);
      case "isalpha" -> all(s, a, PythonStrings::isalpha);
      case "isalnum" -> all(s, a, PythonStrings::isalnum);
      case "isspace" -> all(s, a, PythonStrings::isspace);
      case "istitle" -> istitle(s, a);
      case "center", "ljust", "rjust" -> pad(s, name, a);
      case "zfill" -> PythonStrings.zfill(s,
          (int) Math.min(Integer.MAX_VALUE, Args.index(a.noKeywords().count(1, 1).get(0))));
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
    if (left && right) {
      return PythonStrings.strip(s, chars);
    }
    return left ? PythonStrings.lstrip(s, chars) : PythonStrings.rstrip(s, chars);
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
    String sep = (String) sepArg;
    int max = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, maxsplit));
    try {
      return new ArrayList<>(fromRight ? PythonStrings.rsplit(s, sep, max)
          : PythonStrings.split(s, sep, max));
    } catch (IllegalArgumentException e) {
      throw PyException.valueError(e.getMessage());
    }
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
    return PythonStrings.replace(s, old, rep, (int) Math.max(-1, Math.min(Integer.MAX_VALUE, count)));
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
    Integer start = bound(a, 1);
    Integer end = bound(a, 2);
    try {
      return (long) switch (name) {
        case "find" -> PythonStrings.find(s, sub, start, end);
        case "rfind" -> PythonStrings.rfind(s, sub, start, end);
        case "index" -> PythonStrings.index(s, sub, start, end);
        default -> {
          // PythonStrings has rindex(s, sub) only; with bounds it is rfind that must succeed
          int at = PythonStrings.rfind(s, sub, start, end);
          if (at < 0) {
            throw PyException.valueError("substring not found");
          }
          yield at;
        }
      };
    } catch (IllegalArgumentException e) {
      throw PyException.valueError(e.getMessage());
    }
  }

  /** An optional {@code start}/{@code end} argument (None or absent → null), clamped to int. */
  private static Integer bound(Args a, int index) {
    if (a.size() <= index || a.get(index) == null) {
      return null;
    }
    long v = Args.index(a.get(index));
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
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

  private static boolean istitle(String s, Args a) {
    a.noKeywords().count(0, 0);
    boolean cased = false;
    boolean previousCased = false;
    for (int cp : s.codePoints().toArray()) {
      if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
        if (previousCased) {
          return false;
        }
        previousCased = true;
        cased = true;
      } else if (Character.isLowerCase(cp)) {
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
