package org.lmeval.plugin.metrics.sacrebleu;

import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.lmeval.api.support.PythonStrings;

/**
 * sacrebleu's {@code intl} tokenizer (mteval-v14 international): splits off Unicode punctuation unless it sits
 * between digits, and every Unicode symbol. Categories come from Java's Unicode tables, which can differ from
 * the {@code regex} module's for characters assigned in newer Unicode versions.
 */
public final class TokenizerIntl implements UnaryOperator<String> {
  private static final Pattern PUNCT_AFTER_NON_DIGIT = Pattern.compile("(\\P{N})(\\p{P})");
  private static final Pattern PUNCT_BEFORE_NON_DIGIT = Pattern.compile("(\\p{P})(\\P{N})");
  private static final Pattern SYMBOL = Pattern.compile("(\\p{S})");

  @Override
  public String apply(String line) {
    line = PUNCT_AFTER_NON_DIGIT.matcher(line).replaceAll("$1 $2 ");
    line = PUNCT_BEFORE_NON_DIGIT.matcher(line).replaceAll(" $1 $2");
    line = SYMBOL.matcher(line).replaceAll(" $1 ");
    return String.join(" ", PythonStrings.split(line));
  }
}
