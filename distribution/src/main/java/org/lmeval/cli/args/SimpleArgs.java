package org.lmeval.cli.args;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Rule P2: lm-eval 0.4.13's {@code simple_parse_args_string}, used for dict settings that a
 * {@code --config} YAML file gives as a string ({@code model_args: "pretrained=x,dtype=float32"}).
 *
 * <p>The text is trimmed and split on every comma (empty items dropped); each item is split on
 * {@code =}, the first part is the key and the rest, re-joined with {@code =}, the value; the value is
 * converted by {@link #handleArgString}. An item without {@code =} gets the value {@code ""}.
 */
public final class SimpleArgs {
  private SimpleArgs() {}

  public static Map<String, Object> parse(String text) {
    Map<String, Object> result = new LinkedHashMap<>();
    if (text == null) {
      return result;
    }
    String s = PythonNumbers.strip(text);
    if (s.isEmpty()) {
      return result;
    }
    for (String item : s.split(",", -1)) {
      if (item.isEmpty()) {
        continue;
      }
      int eq = item.indexOf('=');
      String key = eq < 0 ? item : item.substring(0, eq);
      String value = eq < 0 ? "" : item.substring(eq + 1);
      result.put(key, handleArgString(value));
    }
    return result;
  }

  /**
   * {@code handle_arg_string}: trimmed; text in matching single or double quotes → the inner text;
   * {@code true}/{@code false}/{@code none} in any case → Boolean/null; an optional sign and digits → int;
   * Python {@code float()} → Double; else the trimmed text.
   */
  public static Object handleArgString(String value) {
    String arg = PythonNumbers.strip(value);
    if (arg.length() >= 2 && arg.charAt(0) == arg.charAt(arg.length() - 1)
        && (arg.charAt(0) == '\'' || arg.charAt(0) == '"')) {
      return arg.substring(1, arg.length() - 1);
    }
    String lower = arg.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "true" -> { return Boolean.TRUE; }
      case "false" -> { return Boolean.FALSE; }
      case "none" -> { return null; }
      default -> { }
    }
    String unsigned = arg.replaceFirst("^[+-]+", "");
    if (isDigits(unsigned)) {
      Optional<Number> n = PythonNumbers.parseInt(arg);
      if (n.isPresent()) {
        return n.get();
      }
    }
    OptionalDouble d = PythonNumbers.parseFloat(arg);
    if (d.isPresent()) {
      return d.getAsDouble();
    }
    return arg;
  }

  /** {@code str.isdigit()}: non-empty, every character a decimal digit or a digit such as a superscript. */
  private static boolean isDigits(String s) {
    return !s.isEmpty() && s.codePoints().allMatch(cp -> Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER
        || (Character.getType(cp) == Character.OTHER_NUMBER && Character.getNumericValue(cp) >= 0
            && Character.getNumericValue(cp) <= 9));
  }
}
