package org.lmeval.plugin.metrics.sacrebleu;

import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.lmeval.api.support.PythonStrings;

/**
 * sacrebleu's default BLEU tokenizer {@code 13a} (mteval-v13a): drops {@code <skipped>} and hyphenated line
 * breaks, unescapes four XML entities, splits off punctuation and symbols, keeps periods and commas between
 * digits, then joins Python-whitespace-separated tokens with single spaces.
 */
public final class Tokenizer13a implements UnaryOperator<String> {
  // The patterns only involve ASCII, where java.util.regex and Python's re agree.
  private static final Pattern SYMBOLS = Pattern.compile("([\\{-~\\[-`\\x20-&\\(-\\+:-@/])");
  private static final Pattern PERIOD_COMMA_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([\\.,])");
  private static final Pattern PERIOD_COMMA_BEFORE_NON_DIGIT = Pattern.compile("([\\.,])([^0-9])");
  private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");

  @Override
  public String apply(String line) {
    line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
    if (line.contains("&")) {
      line = line.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    }
    line = " " + line + " ";
    line = SYMBOLS.matcher(line).replaceAll(" $1 ");
    line = PERIOD_COMMA_AFTER_NON_DIGIT.matcher(line).replaceAll("$1 $2 ");
    line = PERIOD_COMMA_BEFORE_NON_DIGIT.matcher(line).replaceAll(" $1 $2");
    line = DASH_AFTER_DIGIT.matcher(line).replaceAll("$1 $2 ");
    return String.join(" ", PythonStrings.split(line));
  }
}
