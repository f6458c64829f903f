package org.lmeval.plugin.filters;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;

/**
 * Strict, typed reading of one filter step's YAML kwargs: an unknown key or a value of the wrong type is an
 * {@link ErrorCode#INVALID_ARGUMENT} that names the filter, the key and what is valid.
 */
public final class FilterKwargs {
  private final String filter;
  private final Options options;

  private FilterKwargs(String filter, Options options) {
    this.filter = filter;
    this.options = options;
  }

  /** Reads {@code options} of {@code filter}, failing on any key outside {@code allowed}. */
  public static FilterKwargs of(String filter, Options options, String... allowed) {
    Set<String> valid = new LinkedHashSet<>(List.of(allowed));
    for (String key : options.keys()) {
      if (!valid.contains(key)) {
        String hint = valid.isEmpty() ? "it takes no kwargs" : "valid kwargs: " + String.join(", ", valid);
        throw new EvalException(ErrorCode.INVALID_ARGUMENT,
            "filter '" + filter + "': unknown kwarg '" + key + "'; " + hint);
      }
    }
    return new FilterKwargs(filter, options);
  }

  /** The filter's name, for messages. */
  public String filter() {
    return filter;
  }

  /** A string kwarg; absent or null gives the default. */
  public String string(String key, String defaultValue) {
    Optional<Object> v = options.value(key);
    if (v.isEmpty()) {
      return defaultValue;
    }
    if (v.get() instanceof String s) {
      return s;
    }
    throw wrongType(key, v.get(), "a string");
  }

  /** An integer kwarg; absent or null gives the default. */
  public int integer(String key, int defaultValue) {
    Optional<Object> v = options.value(key);
    if (v.isEmpty()) {
      return defaultValue;
    }
    return integerValue(key, v.get());
  }

  /** A required integer kwarg. */
  public int requireInteger(String key) {
    Optional<Object> v = options.value(key);
    if (v.isEmpty()) {
      throw invalid(key, "is required (an integer)");
    }
    return integerValue(key, v.get());
  }

  private int integerValue(String key, Object o) {
    if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte) {
      long l = ((Number) o).longValue();
      if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
        return (int) l;
      }
    }
    throw wrongType(key, o, "an integer");
  }

  /** A boolean kwarg; absent or null gives the default. */
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

  /** A list of strings; absent or null gives {@code null} (lm-eval's None). */
  public List<String> stringListOrNull(String key) {
    Optional<Object> v = options.value(key);
    if (v.isEmpty()) {
      return null;
    }
    if (v.get() instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
      return list.stream().map(String.class::cast).toList();
    }
    throw wrongType(key, v.get(), "a list of strings");
  }

  /** A mapping kwarg; absent or null gives an empty map. */
  public Map<?, ?> mapping(String key) {
    Optional<Object> v = options.value(key);
    if (v.isEmpty()) {
      return Map.of();
    }
    if (v.get() instanceof Map<?, ?> m) {
      return m;
    }
    throw wrongType(key, v.get(), "a mapping");
  }

  /** Any value (null when absent). */
  public Object any(String key) {
    return options.value(key).orElse(null);
  }

  /** An error about {@code key} of this filter. */
  public EvalException invalid(String key, String problem) {
    return new EvalException(ErrorCode.INVALID_ARGUMENT, "filter '" + filter + "': kwarg '" + key + "' " + problem);
  }

  private EvalException wrongType(String key, Object value, String expected) {
    return invalid(key, "must be " + expected + ", got " + value.getClass().getSimpleName() + " '" + value + "'");
  }
}
