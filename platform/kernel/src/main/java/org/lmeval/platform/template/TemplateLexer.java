package org.lmeval.platform.template;

import org.lmeval.api.support.PythonStrings;
import java.util.ArrayList;
import java.util.List;

/**
 * Jinja2's template lexer ({@code jinja2.lexer.Lexer.tokeniter} with default delimiters, no line
 * statements, and trim_blocks / lstrip_blocks off as lm-eval has them or on as transformers' chat
 * templates have them): splits a template into
 * data, {@code {{ }}} expressions, {@code {% %}} statements and raw blocks, drops comments, and
 * applies whitespace control ({@code {%-} strips the preceding text with Python's {@code rstrip},
 * {@code -%}} the following whitespace). Expression and statement ends are found with Jinja2's token
 * rules and bracket balancing, so {@code {{ {'a': {'b': 1}} }}} and {@code {{ "}}" }}} end where
 * Jinja2 ends them.
 */
final class TemplateLexer {
  /** A piece of the template. {@code line} is Jinja2's line number of its start. */
  sealed interface Segment permits Data, Output, Statement {}

  /** Text to output as is ({@code raw} marks a {@code {% raw %}} block's content). */
  record Data(String text, boolean raw) implements Segment {}

  /** The inside of {@code {{ ... }}}; {@code closed} is false when the template ended first. */
  record Output(String source, int line, boolean closed) implements Segment {}

  /** The inside of {@code {% ... %}}; {@code closed} as for {@link Output}. */
  record Statement(String source, int line, boolean closed) implements Segment {}

  private final String src;
  private final boolean trimBlocks;
  private final boolean lstripBlocks;
  private final List<Segment> out = new ArrayList<>();
  private int pos;

  private TemplateLexer(String src, boolean trimBlocks, boolean lstripBlocks) {
    this.src = src;
    this.trimBlocks = trimBlocks;
    this.lstripBlocks = lstripBlocks;
  }

  /** Lexes a template whose line ends are already {@code \n}, with lm-eval's settings. */
  static List<Segment> lex(String template) {
    return lex(template, false, false);
  }

  /**
   * Lexes with Jinja2's {@code trim_blocks} (the first newline after a block or comment tag is removed) and
   * {@code lstrip_blocks} (spaces and tabs from the start of a line up to a block or comment tag are removed)
   * as given; {@code +%}} and {@code {%+} turn them off for one tag.
   */
  static List<Segment> lex(String template, boolean trimBlocks, boolean lstripBlocks) {
    TemplateLexer lexer = new TemplateLexer(template, trimBlocks, lstripBlocks);
    lexer.run();
    return lexer.out;
  }

  /** Jinja2's {@code lstrip_blocks}: the data before a tag loses its last line's blanks if that is all it has. */
  private String lstrip(String data, int dataStart) {
    int lineStart = data.lastIndexOf('\n') + 1;
    boolean lineStarting = dataStart == 0 || src.charAt(dataStart - 1) == '\n';
    if (lineStart == 0 && !lineStarting) {
      return data;
    }
    for (int i = lineStart; i < data.length(); i++) {
      char c = data.charAt(i);
      if (c != ' ' && c != '\t') {
        return data;
      }
    }
    return data.substring(0, lineStart);
  }

  /** Jinja2's {@code trim_blocks}: skips one newline after a plain block or comment end. */
  private int trimmed(int after) {
    return trimBlocks && after < src.length() && src.charAt(after) == '\n' ? after + 1 : after;
  }

  private int lineAt(int at) {
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (src.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private void run() {
    int n = src.length();
    while (pos < n) {
      int at = -1;
      int rawEnd = -1;
      char kind = 0;
      for (int i = src.indexOf('{', pos); i >= 0 && i + 1 < n; i = src.indexOf('{', i + 1)) {
        char c = src.charAt(i + 1);
        if (c == '%') {
          rawEnd = rawBegin(i);
          at = i;
          kind = rawEnd >= 0 ? 'r' : '%';
          break;
        }
        if (c == '{' || c == '#') {
          at = i;
          kind = c;
          break;
        }
      }
      if (at < 0) {
        out.add(new Data(src.substring(pos), false));
        return;
      }
      String data = src.substring(pos, at);
      char sign = kind == 'r' ? rawSign(at) : signAt(at + 2);
      if (sign == '-') {
        data = StrMethods.strip(data, null, false, true);
      } else if (sign != '+' && lstripBlocks && kind != '{') {
        data = lstrip(data, pos);
      }
      if (!data.isEmpty()) {
        out.add(new Data(data, false));
      }
      int contentStart = at + 2 + (sign != 0 && kind != 'r' ? 1 : 0);
      switch (kind) {
        case '#' -> comment(contentStart);
        case 'r' -> raw(rawEnd);
        case '{' -> pos = block(contentStart, "}}", false);
        default -> pos = block(contentStart, "%}", true);
      }
    }
  }

  private char signAt(int i) {
    if (i < src.length() && (src.charAt(i) == '-' || src.charAt(i) == '+')) {
      return src.charAt(i);
    }
    return 0;
  }

  /** The whitespace-control sign of a {@code {% raw %}} at {@code at}. */
  private char rawSign(int at) {
    return signAt(at + 2);
  }

  private int skipSpace(int i) {
    while (i < src.length()) {
      int cp = src.codePointAt(i);
      if (!PythonStrings.isspace(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    return i;
  }

  /** {@code {%(-|+|)\s*raw\s*(?:-%}\s*|%})} at {@code at}: the end of the match, or -1. */
  private int rawBegin(int at) {
    int i = at + 2;
    if (signAt(i) != 0) {
      i++;
    }
    i = skipSpace(i);
    if (!src.startsWith("raw", i)) {
      return -1;
    }
    i = skipSpace(i + 3);
    if (src.startsWith("-%}", i)) {
      return skipSpace(i + 3);
    }
    return src.startsWith("%}", i) ? i + 2 : -1;
  }

  private void comment(int from) {
    int n = src.length();
    for (int j = from; j < n; j++) {
      if (src.startsWith("+#}", j)) {
        pos = j + 3;
        return;
      }
      if (src.startsWith("-#}", j)) {
        pos = skipSpace(j + 3);
        return;
      }
      if (src.startsWith("#}", j)) {
        pos = trimmed(j + 2);
        return;
      }
    }
    if (from < n) {
      throw PyException.syntax("Missing end of comment tag");
    }
    pos = n; // Jinja2's lexer stops quietly when the template ends right after "{#"
  }

  /** Raw content up to {@code {%(-|+|)\s*endraw\s*(+%}|-%}\s*|%})}. */
  private void raw(int from) {
    for (int j = src.indexOf("{%", from); j >= 0; j = src.indexOf("{%", j + 1)) {
      char sign = signAt(j + 2);
      int i = skipSpace(j + 2 + (sign != 0 ? 1 : 0));
      if (!src.startsWith("endraw", i)) {
        continue;
      }
      i = skipSpace(i + 6);
      int end;
      if (src.startsWith("+%}", i)) {
        end = i + 3;
      } else if (src.startsWith("-%}", i)) {
        end = skipSpace(i + 3);
      } else if (src.startsWith("%}", i)) {
        end = trimmed(i + 2);
      } else {
        continue;
      }
      String content = src.substring(from, j);
      if (sign == '-') {
        content = StrMethods.strip(content, null, false, true);
      }
      if (!content.isEmpty()) {
        out.add(new Data(content, true));
      }
      pos = end;
      return;
    }
    if (from < src.length()) {
      throw PyException.syntax("Missing end of raw directive");
    }
    pos = from; // as for comments: nothing after the raw tag ends the template quietly
  }

  /**
   * Scans tokens from {@code from} until the block end ({@code -%}}/{@code +%}}/{@code %}} or
   * {@code -}}}/{@code }}}) at bracket depth 0; adds the segment and returns the position after it.
   */
  private int block(int from, String end, boolean statement) {
    ExprLexer lexer = new ExprLexer(src, from);
    int line = lineAt(from);
    while (true) {
      lexer.skipWhitespace();
      int p = lexer.pos();
      if (p >= src.length()) {
        String content = src.substring(from);
        out.add(statement ? new Statement(content, line, false) : new Output(content, line, false));
        return src.length();
      }
      if (lexer.balanced()) {
        int after = -1;
        if (src.startsWith("-" + end, p)) {
          after = skipSpace(p + 3);
        } else if (statement && src.startsWith("+" + end, p)) {
          after = p + 3;
        } else if (src.startsWith(end, p)) {
          after = statement ? trimmed(p + 2) : p + 2;
        }
        if (after >= 0) {
          String content = src.substring(from, p);
          out.add(statement ? new Statement(content, line, true) : new Output(content, line, true));
          return after;
        }
      }
      lexer.next();
    }
  }
}
