package org.lmeval.api.support;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A compiled Python 3.11 {@code re} pattern (str patterns), run on {@link java.util.regex}: the
 * pattern is translated by {@link PythonRegexTranslator} so that {@code \s \w \d \b}, {@code . ^ $},
 * {@code \Z}, named groups and the flags mean what they mean in Python, and the functions return what
 * Python returns: {@link #findall} (whole matches, group 1, or tuples), {@link #sub} with Python's
 * replacement syntax ({@code \1}, {@code \g<name>}, {@code \n}), {@link #split} with groups, and
 * Python's empty-match rules (an empty match right after a match is allowed; after an empty match the
 * next match must advance). Indices in {@link Match} count code points, as Python's do.
 *
 * <pre>{@code
 * PythonRegex.compile("#### (\\-?[0-9\\.\\,]+)").findall(text);
 * PythonRegex.sub("(?P<n>\\d+)", "<\\g<n>>", "a1b22");   // "a<1>b<22>"
 * }</pre>
 *
 * Compiled patterns are cached (512 entries, like Python's {@code re} module). Pattern errors raise
 * {@link IllegalArgumentException} with Python's message and position. Not supported: conditional
 * groups {@code (?(1)a|b)}, {@code \N{...}} aliases, and Python's extra case-insensitive equivalences
 * beyond Java's Unicode case folding.
 */
public final class PythonRegex {
  public static final int IGNORECASE = PythonRegexTranslator.IGNORECASE;
  public static final int LOCALE = PythonRegexTranslator.LOCALE;
  public static final int MULTILINE = PythonRegexTranslator.MULTILINE;
  public static final int DOTALL = PythonRegexTranslator.DOTALL;
  public static final int UNICODE = PythonRegexTranslator.UNICODE;
  public static final int VERBOSE = PythonRegexTranslator.VERBOSE;
  public static final int ASCII = PythonRegexTranslator.ASCII;

  private static final int MAX_CACHE = 512;
  private static final Map<String, PythonRegex> CACHE = new ConcurrentHashMap<>();

  private final String pattern;
  private final int flags;
  private final int groups;
  private final Map<String, Integer> groupIndex;
  private final Pattern compiled;
  /** The same pattern that must not end where it started (Python's must-advance after an empty match). */
  private final Pattern advancing;

  private PythonRegex(String pattern, int flags) {
    this.pattern = pattern;
    PythonRegexTranslator.Result r = PythonRegexTranslator.translate(pattern, flags);
    this.flags = r.flags() | ((r.flags() & ASCII) == 0 ? UNICODE : 0);
    this.groups = r.groups();
    this.groupIndex = r.groupIndex();
    try {
      this.compiled = Pattern.compile(r.javaSource());
      this.advancing = Pattern.compile("(?:" + r.javaSource() + ")(?!\\G)");
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("pattern " + pattern + " cannot run on java.util.regex: "
          + e.getDescription(), e);
    }
  }

  /** {@code re.compile(pattern)}. */
  public static PythonRegex compile(String pattern) {
    return compile(pattern, 0);
  }

  /** {@code re.compile(pattern, flags)} with Python's flag values ({@link #IGNORECASE} ...). */
  public static PythonRegex compile(String pattern, int flags) {
    Objects.requireNonNull(pattern, "pattern");
    String key = flags + ":" + pattern;
    PythonRegex cached = CACHE.get(key);
    if (cached != null) {
      return cached;
    }
    PythonRegex compiled = new PythonRegex(pattern, flags);
    if (CACHE.size() >= MAX_CACHE) {
      CACHE.keySet().stream().findFirst().ifPresent(CACHE::remove);
    }
    CACHE.put(key, compiled);
    return compiled;
  }

  /** The Python pattern. */
  public String pattern() {
    return pattern;
  }

  /** Python's {@code flags} attribute (UNICODE added unless ASCII, inline flags included). */
  public int flags() {
    return flags;
  }

  /** Number of capturing groups. */
  public int groups() {
    return groups;
  }

  /** Python's {@code groupindex}: group name → number. */
  public Map<String, Integer> groupindex() {
    return groupIndex;
  }

  /** The translated {@link Pattern} source (for diagnostics). */
  public String javaPattern() {
    return compiled.pattern();
  }

  // ------------------------------------------------------------------------------ matching

  /** {@code p.search(s)}: the first match anywhere. */
  public Optional<Match> search(String s) {
    Matcher m = compiled.matcher(s);
    return m.find() ? Optional.of(new Match(this, s, m)) : Optional.empty();
  }

  /** {@code p.match(s)}: a match starting at 0. */
  public Optional<Match> match(String s) {
    Matcher m = compiled.matcher(s);
    return m.lookingAt() ? Optional.of(new Match(this, s, m)) : Optional.empty();
  }

  /** {@code p.fullmatch(s)}: a match of the whole string. */
  public Optional<Match> fullmatch(String s) {
    Matcher m = compiled.matcher(s);
    return m.matches() ? Optional.of(new Match(this, s, m)) : Optional.empty();
  }

  /** {@code list(p.finditer(s))}. */
  public List<Match> finditer(String s) {
    List<Match> out = new ArrayList<>();
    new Scanner(s).forEach(0, m -> out.add(new Match(this, s, m)));
    return out;
  }

  /**
   * {@code p.findall(s)}: whole matches when the pattern has no group, group 1 when it has one ({@code
   * ""} if it did not take part), else one unmodifiable {@code List<String>} per match (a Python tuple,
   * {@code ""} for groups that did not take part).
   */
  public List<Object> findall(String s) {
    List<Object> out = new ArrayList<>();
    new Scanner(s).forEach(0, m -> {
      if (groups == 0) {
        out.add(m.group());
      } else if (groups == 1) {
        out.add(orEmpty(m.group(1)));
      } else {
        List<String> tuple = new ArrayList<>(groups);
        for (int g = 1; g <= groups; g++) {
          tuple.add(orEmpty(m.group(g)));
        }
        out.add(Collections.unmodifiableList(tuple));
      }
    });
    return out;
  }

  /** {@code findall} for a pattern with at most one group: the strings. */
  public List<String> findallStrings(String s) {
    if (groups > 1) {
      throw new IllegalStateException("pattern " + pattern + " has " + groups
          + " groups: findall returns tuples");
    }
    List<String> out = new ArrayList<>();
    for (Object o : findall(s)) {
      out.add((String) o);
    }
    return out;
  }

  /** {@code p.sub(repl, s)}: every match replaced by the expanded template. */
  public String sub(String repl, String s) {
    return sub(repl, s, 0);
  }

  /** {@code p.sub(repl, s, count)}; {@code count == 0} replaces all. */
  public String sub(String repl, String s, int count) {
    Template t = Template.parse(repl, this);
    return sub(m -> t.expand(m), s, count);
  }

  /** {@code p.sub(function, s, count)}. */
  public String sub(Function<Match, String> repl, String s, int count) {
    return subn(repl, s, count).text;
  }

  /** {@code p.subn(repl, s, count)}: the text and the number of replacements. */
  public SubResult subn(String repl, String s, int count) {
    Template t = Template.parse(repl, this);
    return subn(m -> t.expand(m), s, count);
  }

  private SubResult subn(Function<Match, String> repl, String s, int count) {
    if (count < 0) {
      return new SubResult(s, 0);
    }
    StringBuilder b = new StringBuilder();
    int[] state = {0, 0}; // last end, replacements
    new Scanner(s).forEach(count, m -> {
      b.append(s, state[0], m.start()).append(repl.apply(new Match(this, s, m)));
      state[0] = m.end();
      state[1]++;
    });
    b.append(s, state[0], s.length());
    return new SubResult(b.toString(), state[1]);
  }

  /** {@code p.subn} result. */
  public record SubResult(String text, int count) {}

  /** {@code p.split(s)}. */
  public List<String> split(String s) {
    return split(s, 0);
  }

  /**
   * {@code p.split(s, maxsplit)}: the pieces between matches, with each match's groups in between
   * ({@code null} for a group that did not take part). {@code maxsplit == 0} means no limit.
   */
  public List<String> split(String s, int maxsplit) {
    List<String> out = new ArrayList<>();
    if (maxsplit < 0) {
      out.add(s);
      return out;
    }
    int[] last = {0};
    new Scanner(s).forEach(maxsplit, m -> {
      out.add(s.substring(last[0], m.start()));
      for (int g = 1; g <= groups; g++) {
        out.add(m.group(g));
      }
      last[0] = m.end();
    });
    out.add(s.substring(last[0]));
    return out;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /** Python's scanning loop (3.7+) shared by finditer, findall, sub and split. */
  private final class Scanner {
    private final String s;
    private final Matcher main;
    private final Matcher adv;

    Scanner(String s) {
      this.s = s;
      this.main = compiled.matcher(s);
      this.adv = advancing.matcher(s);
      adv.useTransparentBounds(true);
      adv.useAnchoringBounds(false);
    }

    /** Calls {@code action} for each match, at most {@code limit} times ({@code 0}: no limit). */
    void forEach(int limit, java.util.function.Consumer<Matcher> action) {
      int pos = 0;
      boolean mustAdvance = false;
      int n = 0;
      while (pos <= s.length() && (limit == 0 || n < limit)) {
        Matcher m;
        if (mustAdvance) {
          adv.region(pos, s.length());
          if (adv.lookingAt()) {
            m = adv;
          } else {
            if (pos >= s.length()) {
              break;
            }
            int next = pos + Character.charCount(s.codePointAt(pos));
            if (!main.find(next)) {
              break;
            }
            m = main;
          }
        } else {
          if (!main.find(pos)) {
            break;
          }
          m = main;
        }
        action.accept(m);
        n++;
        mustAdvance = m.end() == m.start();
        pos = m.end();
      }
    }
  }

  // ------------------------------------------------------------------------------ module level

  /** {@code re.search(pattern, s)}. */
  public static Optional<Match> search(String pattern, String s) {
    return compile(pattern).search(s);
  }

  /** {@code re.match(pattern, s)}. */
  public static Optional<Match> match(String pattern, String s) {
    return compile(pattern).match(s);
  }

  /** {@code re.fullmatch(pattern, s)}. */
  public static Optional<Match> fullmatch(String pattern, String s) {
    return compile(pattern).fullmatch(s);
  }

  /** {@code re.findall(pattern, s)}. */
  public static List<Object> findall(String pattern, String s) {
    return compile(pattern).findall(s);
  }

  /** {@code re.sub(pattern, repl, s)}. */
  public static String sub(String pattern, String repl, String s) {
    return compile(pattern).sub(repl, s, 0);
  }

  /** {@code re.sub(pattern, repl, s, count, flags)}. */
  public static String sub(String pattern, String repl, String s, int count, int flags) {
    return compile(pattern, flags).sub(repl, s, count);
  }

  /** {@code re.split(pattern, s)}. */
  public static List<String> split(String pattern, String s) {
    return compile(pattern).split(s, 0);
  }

  /** {@code re.escape(s)}: a backslash before each of {@code ()[]{}?*+-|^$\.&~#}, space and \t\n\r\v\f. */
  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("()[]{}?*+-|^$\\.&~# \t\n\r\u000b\f".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  // ------------------------------------------------------------------------------ match objects

  /** A Python {@code re.Match}: groups by number or name, positions in code points. */
  public static final class Match {
    private final PythonRegex re;
    private final String string;
    private final int[] bounds; // UTF-16 start/end per group, -1 when the group did not take part

    Match(PythonRegex re, String string, Matcher m) {
      this.re = re;
      this.string = string;
      this.bounds = new int[2 * (re.groups + 1)];
      for (int g = 0; g <= re.groups; g++) {
        bounds[2 * g] = m.start(g);
        bounds[2 * g + 1] = m.end(g);
      }
    }

    /** {@code m.group()}: the whole match. */
    public String group() {
      return group(0);
    }

    /** {@code m.group(n)}; {@code null} (None) when the group did not take part. */
    public String group(int n) {
      check(n);
      return bounds[2 * n] < 0 ? null : string.substring(bounds[2 * n], bounds[2 * n + 1]);
    }

    /** {@code m.group(name)}. */
    public String group(String name) {
      return group(index(name));
    }

    /** {@code m.groups()}: groups 1..n, {@code null} for those that did not take part. */
    public List<String> groups() {
      List<String> out = new ArrayList<>(re.groups);
      for (int g = 1; g <= re.groups; g++) {
        out.add(group(g));
      }
      return Collections.unmodifiableList(out);
    }

    /** {@code m.groupdict()}: named groups in definition order. */
    public Map<String, String> groupdict() {
      Map<String, String> out = new LinkedHashMap<>();
      re.groupIndex.entrySet().stream().sorted(Map.Entry.comparingByValue())
          .forEach(e -> out.put(e.getKey(), group(e.getValue())));
      return out;
    }

    /** {@code m.start()} in code points. */
    public int start() {
      return start(0);
    }

    /** {@code m.start(n)} in code points, -1 when the group did not take part. */
    public int start(int n) {
      check(n);
      return bounds[2 * n] < 0 ? -1 : string.codePointCount(0, bounds[2 * n]);
    }

    /** {@code m.end()} in code points. */
    public int end() {
      return end(0);
    }

    /** {@code m.end(n)} in code points, -1 when the group did not take part. */
    public int end(int n) {
      check(n);
      return bounds[2 * n + 1] < 0 ? -1 : string.codePointCount(0, bounds[2 * n + 1]);
    }

    /** {@code m.string}. */
    public String string() {
      return string;
    }

    /** {@code m.re}. */
    public PythonRegex re() {
      return re;
    }

    /** {@code m.expand(template)}. */
    public String expand(String template) {
      return Template.parse(template, re).expand(this);
    }

    private int index(String name) {
      Integer g = re.groupIndex.get(name);
      if (g == null) {
        throw new IllegalArgumentException("no such group: " + name);
      }
      return g;
    }

    private void check(int n) {
      if (n < 0 || n > re.groups) {
        throw new IllegalArgumentException("no such group: " + n);
      }
    }

    @Override
    public String toString() {
      return "<re.Match object; span=(" + start() + ", " + end() + "), match=" + group() + ">";
    }
  }

  /** A parsed replacement template ({@code re._parser.parse_template}). */
  private static final class Template {
    private final List<String> literals; // null where a group goes
    private final List<Integer> groupAt;

    private Template(List<String> literals, List<Integer> groupAt) {
      this.literals = literals;
      this.groupAt = groupAt;
    }

    static Template parse(String t, PythonRegex re) {
      List<String> literals = new ArrayList<>();
      List<Integer> groupAt = new ArrayList<>();
      StringBuilder lit = new StringBuilder();
      int i = 0;
      while (i < t.length()) {
        char c = t.charAt(i++);
        if (c != '\\') {
          lit.append(c);
          continue;
        }
        if (i >= t.length()) {
          throw new IllegalArgumentException("bad escape (end of pattern) at position " + (i - 1));
        }
        int at = i - 1;
        char e = t.charAt(i++);
        if (e == 'g') {
          if (i >= t.length() || t.charAt(i) != '<') {
            throw new IllegalArgumentException("missing < at position " + i);
          }
          int close = t.indexOf('>', i + 1);
          if (close < 0) {
            throw new IllegalArgumentException("missing >, unterminated name at position " + (i + 1));
          }
          String name = t.substring(i + 1, close);
          if (name.isEmpty()) {
            throw new IllegalArgumentException("missing group name at position " + (i + 1));
          }
          i = close + 1;
          int index;
          if (PythonRegexTranslator.isIdentifier(name)) {
            Integer g = re.groupIndex.get(name);
            if (g == null) {
              throw new IllegalArgumentException("unknown group name '" + name + "'");
            }
            index = g;
          } else {
            if (!name.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
              throw new IllegalArgumentException("bad character in group name '" + name
                  + "' at position " + (at + 3));
            }
            index = new BigInteger(name).min(BigInteger.valueOf(Integer.MAX_VALUE))
                .intValue();
          }
          addGroup(literals, groupAt, lit, index, re, at);
        } else if (e == '0') {
          int start = i - 1;
          for (int k = 0; k < 2 && i < t.length() && isOctal(t.charAt(i)); k++) {
            i++;
          }
          lit.append((char) (Integer.parseInt(t.substring(start, i), 8) & 0xff));
        } else if (e >= '1' && e <= '9') {
          int start = i - 1;
          boolean octal = false;
          if (i < t.length() && Character.isDigit(t.charAt(i)) && t.charAt(i) < 0x80) {
            i++;
            if (isOctal(e) && isOctal(t.charAt(i - 1)) && i < t.length() && isOctal(t.charAt(i))) {
              i++;
              octal = true;
              int v = Integer.parseInt(t.substring(start, i), 8);
              if (v > 0377) {
                throw new IllegalArgumentException("octal escape value \\" + t.substring(start, i)
                    + " outside of range 0-0o377 at position " + at);
              }
              lit.append((char) v);
            }
          }
          if (!octal) {
            addGroup(literals, groupAt, lit, Integer.parseInt(t.substring(start, i)), re, at);
          }
        } else {
          switch (e) {
            case 'a': lit.append('\u0007'); break;
            case 'b': lit.append('\b'); break;
            case 'f': lit.append('\f'); break;
            case 'n': lit.append('\n'); break;
            case 'r': lit.append('\r'); break;
            case 't': lit.append('\t'); break;
            case 'v': lit.append('\u000b'); break;
            case '\\': lit.append('\\'); break;
            default:
              if (e < 0x80 && Character.isLetter(e)) {
                throw new IllegalArgumentException("bad escape \\" + e + " at position " + at);
              }
              lit.append('\\').append(e);
          }
        }
      }
      if (lit.length() > 0) {
        literals.add(lit.toString());
      }
      return new Template(literals, groupAt);
    }

    private static void addGroup(List<String> literals, List<Integer> groupAt, StringBuilder lit,
        int index, PythonRegex re, int at) {
      if (index > re.groups) {
        throw new IllegalArgumentException("invalid group reference " + index + " at position " + at);
      }
      if (lit.length() > 0) {
        literals.add(lit.toString());
        lit.setLength(0);
      }
      groupAt.add(index);
      literals.add(null);
    }

    private static boolean isOctal(char c) {
      return c >= '0' && c <= '7';
    }

    String expand(Match m) {
      StringBuilder b = new StringBuilder();
      int g = 0;
      for (String l : literals) {
        if (l != null) {
          b.append(l);
        } else {
          String v = m.group(groupAt.get(g++));
          if (v != null) {
            b.append(v);
          }
        }
      }
      return b.toString();
    }
  }
}
