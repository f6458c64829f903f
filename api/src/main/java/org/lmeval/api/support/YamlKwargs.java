package org.lmeval.api.support;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;

/**
 * Strict, typed reading of the YAML kwargs of one metric or filter step, as lm-eval's task files give them
 * (YAML types, no string coercion): an unknown key or a value of the wrong type is an
 * {@link ErrorCode#INVALID_ARGUMENT} that names the component, the key and what is valid.
 */
public final class YamlKwargs {
  private final String component;
  private final Options options;

  private YamlKwargs(String component, Options options) {
    this.component = component;
    this.options = options;
  }

  /**
   * Reads {@code options} of {@code component} (for messages: {@code "metric 'exact_match'"},
   * {@code "filter 'regex'"}), failing at once on any key outside {@code allowed}.
   */
  public static YamlKwargs of(String component, Options options, String... allowed) {
    Set<String> valid = new LinkedHashSet<>(List.of(allowed));
    for (String key : options.keys()) {
      if (!valid.contains(key)) {
        String hint = valid.isEmpty() ? "it takes no kwargs" : "valid kwargs: " + String.join(", ", valid);
        throw new EvalException(ErrorCode.INVALID_ARGUMENT,
            component + ": unknown kwarg '" + key + "'; " + hint);
      }
    }
    return new YamlKwargs(component, options);
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

  /** A list of strings; absent or null gives an empty list. */
  public List<String> stringList(String key) {
    List<String> list = stringListOrNull(key);
    return list == null ? List.of() : list;
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

  /** An error about {@code key} of this component. */
  public EvalException invalid(String key, String problem) {
    return new EvalException(ErrorCode.INVALID_ARGUMENT, component + ": kwarg '" + key + "' " + problem);
  }

  private EvalException wrongType(String key, Object value, String expected) {
    return invalid(key, "must be " + expected + ", got " + value.getClass().getSimpleName() + " '" + value + "'");
  }
}
