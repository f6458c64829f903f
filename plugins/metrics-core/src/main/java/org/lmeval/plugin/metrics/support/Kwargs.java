package org.lmeval.plugin.metrics.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;

/**
 * Strict, typed reading of one metric's YAML kwargs: unknown keys and values of the wrong type are an
 * {@link ErrorCode#INVALID_ARGUMENT} naming the metric, the key and what is valid.
 */
public final class Kwargs {
  private final String metric;
  private final Options options;

  private Kwargs(String metric, Options options) {
    this.metric = metric;
    this.options = options;
  }

  /** Reads {@code options} for {@code metric}, failing on any key outside {@code allowed}. */
  public static Kwargs of(String metric, Options options, String... allowed) {
    Set<String> valid = new LinkedHashSet<>(List.of(allowed));
    for (String key : options.keys()) {
      if (!valid.contains(key)) {
        String hint = valid.isEmpty() ? "it takes no kwargs" : "valid kwargs: " + String.join(", ", valid);
        throw new EvalException(ErrorCode.INVALID_ARGUMENT,
            "metric '" + metric + "': unknown kwarg '" + key + "'; " + hint);
      }
    }
    return new Kwargs(metric, options);
  }

  /**
   * Marks every kwarg of a metric that lm-eval never passes its kwargs to (the pass-through metrics such as
   * {@code acc} or {@code f1}, and {@code process_results} metrics) as read, and logs that they have no effect:
   * lm-eval ignores them too, and real task files carry such keys (e.g. {@code ignore_case} on {@code acc}).
   */
  public static void ignored(String metric, Options options) {
    if (options.isEmpty()) {
      return;
    }
    for (String key : options.keys()) {
      options.value(key);
    }
    System.getLogger(Kwargs.class.getName()).log(System.Logger.Level.WARNING,
        "metric ''{0}'' ignores its kwargs {1}, as lm-eval does", metric, options.keys());
  }

  /** A boolean kwarg ({@code true}/{@code false}); absent or null gives the default. */
  public boolean bool(String key, boolean defaultValue) {
    Optional<Object> v = options.value(key);
    if (v.isEmpty()) {
      return defaultValue;
    }
    if (v.get() instanceof Boolean b) {
      return b;
    }
    throw wrongType(key, v.get(), "true or false");
  }

  /** A list of strings; absent or null gives an empty list. */
  public List<String> stringList(String key) {
    Optional<Object> v = options.value(key);
    if (v.isEmpty()) {
      return List.of();
    }
    if (!(v.get() instanceof List<?> list)) {
      throw wrongType(key, v.get(), "a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof String s)) {
        throw wrongType(key, v.get(), "a list of strings");
      }
      out.add(s);
    }
    return List.copyOf(out);
  }

  /** An error about {@code key} of this metric. */
  public EvalException invalid(String key, String problem) {
    return new EvalException(ErrorCode.INVALID_ARGUMENT, "metric '" + metric + "': kwarg '" + key + "' " + problem);
  }

  private EvalException wrongType(String key, Object value, String expected) {
    return invalid(key, "must be " + expected + ", got " + describe(value));
  }

  private static String describe(Object value) {
    return value.getClass().getSimpleName() + " '" + value + "'";
  }
}
