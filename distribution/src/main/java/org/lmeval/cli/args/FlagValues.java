package org.lmeval.cli.args;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** The single-value conversions of lm-eval 0.4.13's {@code run} flags, with lm-eval's acceptance rules. */
public final class FlagValues {
  /** Python's logging level names, which {@code --verbosity} and {@code LMEVAL_LOG_LEVEL} accept. */
  public static final List<String> LOG_LEVELS =
      List.of("CRITICAL", "FATAL", "ERROR", "WARN", "WARNING", "INFO", "DEBUG", "NOTSET");
  private static final Pattern BATCH_SIZE = Pattern.compile("auto(:[0-9]+)?|[0-9]+");

  private FlagValues() {}

  /** {@code type=int}: Python's {@code int()}. */
  public static int integer(String flag, String text) {
    Optional<Number> n = PythonNumbers.parseInt(text);
    if (n.isEmpty() || !(n.get() instanceof Integer)) {
      throw new ArgumentException("argument " + flag + ": invalid int value: '" + text + "'");
    }
    return n.get().intValue();
  }

  /** {@code type=float}: Python's {@code float()} ({@code --limit 10} is 10.0). */
  public static double floating(String flag, String text) {
    OptionalDouble d = PythonNumbers.parseFloat(text);
    if (d.isEmpty()) {
      throw new ArgumentException("argument " + flag + ": invalid float value: '" + text + "'");
    }
    return d.getAsDouble();
  }

  /**
   * {@code --batch_size}: a positive integer, {@code auto}, or {@code auto:N} (auto-tune N times). lm-eval
   * leaves the check to the model; we check here so that a typo fails before any model loads.
   */
  public static String batchSize(String flag, String text) {
    String s = text.trim();
    if (!BATCH_SIZE.matcher(s).matches() || s.equals("0") || s.matches("0+")) {
      throw new ArgumentException("argument " + flag + ": invalid batch size '" + text
          + "' (expected a positive integer, 'auto' or 'auto:N')");
    }
    return s;
  }

  /** {@code --cache_requests}: {@code true}, {@code refresh} or {@code delete} (case-sensitive). */
  public static String cacheRequests(String text) {
    if (!List.of("true", "refresh", "delete").contains(text)) {
      throw new ArgumentException("argument --cache_requests: invalid value '" + text
          + "' (choose from true, refresh, delete)");
    }
    return text;
  }

  /** {@code --fewshot_as_multiturn VALUE}: true for {@code true}, {@code 1}, {@code yes} (any case), else false. */
  public static boolean looseBoolean(String text) {
    return List.of("true", "1", "yes").contains(text.toLowerCase(Locale.ROOT));
  }

  /** {@code --verbosity}: upper-cased, one of Python's level names. */
  public static String logLevel(String flag, String text) {
    String level = text.toUpperCase(Locale.ROOT);
    if (!LOG_LEVELS.contains(level)) {
      throw new ArgumentException("argument " + flag + ": unknown log level '" + text + "' (choose from "
          + String.join(", ", LOG_LEVELS) + ")");
    }
    return level;
  }
}
