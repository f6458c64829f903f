package org.lmeval.cli.args;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The four seeds (Python {@code random}, numpy, torch, few-shot sampler) of {@code --seed}, as
 * lm-eval 0.4.13 parses them: from the flag by {@code _int_or_none_list_arg_type(3, 4, "0,1234,1234,1234")},
 * from a {@code --config} file by {@code EvaluatorConfig._normalize_seed}.
 *
 * <p>One value applies to all four; three values take the fourth from the default (with a warning); each
 * value is an integer or {@code None} (not seeded).
 *
 * @param values four entries, each an Integer or null
 */
public record Seeds(List<Integer> values) {
  /** {@code 0,1234,1234,1234}. */
  public static final Seeds DEFAULT = new Seeds(Arrays.asList(0, 1234, 1234, 1234));

  public Seeds {
    if (values.size() != 4) {
      throw new IllegalArgumentException("four seeds expected, got " + values);
    }
    values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
  }

  /** Every seed unset ({@code seed: null} in a config file). */
  public static Seeds none() {
    return new Seeds(Arrays.asList(null, null, null, null));
  }

  public Integer random() {
    return values.get(0);
  }

  public Integer numpy() {
    return values.get(1);
  }

  public Integer torch() {
    return values.get(2);
  }

  public Integer fewshot() {
    return values.get(3);
  }

  /** The {@code --seed} flag's value. */
  public static Seeds parseFlag(String text, Consumer<String> warnings) {
    List<Integer> items = new ArrayList<>();
    for (String item : text.split(",", -1)) {
      items.add(parseItem(item));
    }
    if (items.size() == 1) {
      Integer only = items.get(0);
      return new Seeds(Arrays.asList(only, only, only, only));
    }
    if (items.size() < 3 || items.size() > 4) {
      throw new ArgumentException("argument --seed: requires 4 integers or None, separated by ',' (got '"
          + text + "'); e.g. --seed 0,1234,1234,1234 or --seed 42");
    }
    if (items.size() == 3) {
      warnings.accept("Argument requires 4 integers or None, separated by ','. Missing values will be filled "
          + "with defaults.");
      items.add(DEFAULT.fewshot());
    }
    return new Seeds(items);
  }

  /**
   * A {@code seed:} value from a config file: an int, a string Python's {@code int()} accepts, null
   * (as an item: not seeded), or a list of one, three or four of those. A null {@code seed:} itself means
   * no seeding at all and is handled by the caller.
   */
  public static Seeds fromConfig(Object value, String where, Consumer<String> warnings) {
    List<Object> raw = value instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>(Arrays.asList(value));
    if (raw.size() == 1) {
      raw = new ArrayList<>(Arrays.asList(raw.get(0), raw.get(0), raw.get(0), raw.get(0)));
    } else if (raw.size() == 3) {
      warnings.accept("seed expects 4 values (random, numpy, torch, fewshot). Missing values will be filled "
          + "with defaults.");
      raw.add(DEFAULT.fewshot());
    }
    if (raw.size() != 4) {
      throw new ArgumentException(where + ": seed expects a single value or 4 values (random, numpy, torch, "
          + "fewshot), got " + raw.size() + ": " + value);
    }
    List<Integer> seeds = new ArrayList<>();
    for (Object o : raw) {
      seeds.add(configItem(o, where, value));
    }
    return new Seeds(seeds);
  }

  private static Integer configItem(Object o, String where, Object whole) {
    if (o == null) {
      return null;
    }
    if (o instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (o instanceof Number n && !(o instanceof Double || o instanceof Float)) {
      return toInt(new BigInteger(n.toString()), where);
    }
    if (o instanceof Double d && Double.isFinite(d)) {
      return toInt(java.math.BigDecimal.valueOf(d).toBigInteger(), where);
    }
    if (o instanceof String s) {
      Optional<Number> n = PythonNumbers.parseInt(s);
      if (n.isPresent()) {
        return toInt(new BigInteger(n.get().toString()), where);
      }
    }
    throw new ArgumentException(where + ": seed values must be integers or None, got '" + o + "' in " + whole);
  }

  private static Integer parseItem(String item) {
    String s = PythonNumbers.strip(item).toLowerCase(Locale.ROOT);
    if (s.equals("none")) {
      return null;
    }
    Optional<Number> n = PythonNumbers.parseInt(s);
    if (n.isEmpty()) {
      throw new ArgumentException("argument --seed: " + s + " is not an integer or None");
    }
    return toInt(new BigInteger(n.get().toString()), "argument --seed");
  }

  private static Integer toInt(BigInteger v, String where) {
    if (v.bitLength() >= 32) {
      throw new ArgumentException(where + ": seed " + v + " is outside the 32-bit range lm-eval-java supports");
    }
    return v.intValue();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
