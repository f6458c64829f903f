package org.lmeval.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable, typed view of user-given settings (model args, metric kwargs, filter kwargs, ...).
 *
 * <p>Values are what the kernel parsed (lm-eval's key=value coercion): {@link Boolean}, {@link Integer},
 * {@link Long}, {@link Double}, {@link String}, {@link List}, {@link Map} or {@code null}. The typed getters
 * convert where lm-eval would (a string {@code "8"} read as an int), and name the key and what it is
 * ({@link #kind()}) in the error when they cannot.
 *
 * <p>Options records which keys were read. Factories MUST read every option they accept inside
 * {@code open}/{@code create}; afterwards the kernel rejects {@link #unreadKeys() unread keys} with a
 * suggestion.
 */
public final class Options {
  private static final Options EMPTY = new Options("option", Map.of());

  private final String kind;
  private final Map<String, Object> values;
  private final Set<String> read;

  private Options(String kind, Map<String, Object> values) {
    this(kind, values, ConcurrentHashMap.newKeySet());
  }

  private Options(String kind, Map<String, Object> values, Set<String> read) {
    this.kind = kind;
    this.values = values;
    this.read = read;
  }

  /** No options. */
  public static Options empty() {
    return EMPTY;
  }

  /**
   * Options of the given kind (used in messages: "model arg", "metric kwarg", ...), in the map's order.
   * Null values are kept: lm-eval passes {@code None} through.
   */
  public static Options of(String kind, Map<String, ?> values) {
    return new Options(kind, Collections.unmodifiableMap(new LinkedHashMap<>(values)));
  }

  /** What these options are, for messages: "model arg", "metric kwarg", ... */
  public String kind() {
    return kind;
  }

  /** All keys, in the order given. Does not mark them read. */
  public Set<String> keys() {
    return values.keySet();
  }

  /** All values, in the order given. Does not mark them read. */
  public Map<String, Object> asMap() {
    return values;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** Whether the key is present (its value may be null). Marks it read. */
  public boolean contains(String key) {
    read.add(key);
    return values.containsKey(key);
  }

  /** The raw value, or empty if absent or null. Marks the key read. */
  public Optional<Object> value(String key) {
    read.add(key);
    return Optional.ofNullable(values.get(key));
  }

  public Optional<String> string(String key) {
    return value(key).map(Options::asText);
  }

  public String string(String key, String defaultValue) {
    return string(key).orElse(defaultValue);
  }

  public String requireString(String key) {
    return string(key).orElseThrow(() -> new EvalException(ErrorCode.INVALID_ARGUMENT,
        kind + " '" + key + "' is required"));
  }

  public OptionalInt intValue(String key) {
    Optional<Object> v = value(key);
    if (v.isEmpty()) {
      return OptionalInt.empty();
    }
    Object o = v.get();
    if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte) {
      long l = ((Number) o).longValue();
      if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
        return OptionalInt.of((int) l);
      }
    } else if (o instanceof Double d && d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
      return OptionalInt.of(d.intValue());
    } else if (o instanceof String s) {
      try {
        return OptionalInt.of(Integer.parseInt(s.trim()));
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw invalid(key, o, "an integer");
  }

  public int intValue(String key, int defaultValue) {
    return intValue(key).orElse(defaultValue);
  }

  public OptionalDouble doubleValue(String key) {
    Optional<Object> v = value(key);
    if (v.isEmpty()) {
      return OptionalDouble.empty();
    }
    Object o = v.get();
    if (o instanceof Number n && !(o instanceof Boolean)) {
      return OptionalDouble.of(n.doubleValue());
    }
    if (o instanceof String s) {
      try {
        return OptionalDouble.of(Double.parseDouble(s.trim()));
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw invalid(key, o, "a number");
  }

  public double doubleValue(String key, double defaultValue) {
    return doubleValue(key).orElse(defaultValue);
  }

  public Optional<Boolean> bool(String key) {
    Optional<Object> v = value(key);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    Object o = v.get();
    if (o instanceof Boolean b) {
      return Optional.of(b);
    }
    if (o instanceof String s) {
      switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "true", "1", "yes" -> { return Optional.of(true); }
        case "false", "0", "no" -> { return Optional.of(false); }
        default -> { }
      }
    }
    if (o instanceof Number n && !(o instanceof Double)) {
      long l = n.longValue();
      if (l == 0 || l == 1) {
        return Optional.of(l == 1);
      }
    }
    throw invalid(key, o, "true or false");
  }

  public boolean bool(String key, boolean defaultValue) {
    return bool(key).orElse(defaultValue);
  }

  /** A list value; a single non-list value is a one-element list. */
  public List<Object> list(String key) {
    Optional<Object> v = value(key);
    if (v.isEmpty()) {
      return List.of();
    }
    Object o = v.get();
    if (o instanceof List<?> l) {
      return Collections.unmodifiableList(l);
    }
    return List.of(o);
  }

  /**
   * The options whose keys start with {@code prefix}, with the prefix removed. Reads through the view
   * mark the original keys read.
   */
  public Options sub(String prefix) {
    Map<String, Object> sub = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        sub.put(k.substring(prefix.length()), v);
      }
    });
    return new Options(kind, Collections.unmodifiableMap(sub), new PrefixedKeys(read, prefix));
  }

  /** A copy with {@code key} set (added last if new). The copy has its own read tracking. */
  public Options with(String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(key, value);
    return of(kind, copy);
  }

  /**
   * The keys asked for so far, present or not, sorted: what a factory accepts. The kernel suggests from
   * these when it rejects an unread key.
   */
  public Set<String> readKeys() {
    return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(read));
  }

  /** The keys nobody has read yet, sorted. */
  public Set<String> unreadKeys() {
    Set<String> unread = new TreeSet<>(values.keySet());
    unread.removeIf(read::contains);
    return unread;
  }

  private EvalException invalid(String key, Object value, String expected) {
    return new EvalException(ErrorCode.INVALID_ARGUMENT,
        kind + " '" + key + "' must be " + expected + ", got '" + value + "'");
  }

  /** The read-marks of a {@link #sub} view: marking {@code k} marks {@code prefix + k} in the parent. */
  private static final class PrefixedKeys extends java.util.AbstractSet<String> {
    private final Set<String> parent;
    private final String prefix;

    PrefixedKeys(Set<String> parent, String prefix) {
      this.parent = parent;
      this.prefix = prefix;
    }

    @Override
    public boolean add(String key) {
      return parent.add(prefix + key);
    }

    @Override
    public boolean contains(Object key) {
      return parent.contains(prefix + key);
    }

    @Override
    public java.util.Iterator<String> iterator() {
      return parent.stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length())).iterator();
    }

    @Override
    public int size() {
      return (int) parent.stream().filter(k -> k.startsWith(prefix)).count();
    }
  }

  private static String asText(Object o) {
    return o instanceof String s ? s : String.valueOf(o);
  }

  @Override
  public String toString() {
    return values.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Options other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }
}
