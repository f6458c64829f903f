package org.lmeval.cli.args;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.lmeval.platform.python.PythonLiteral;

/**
 * Rule P1: lm-eval 0.4.13's {@code MergeDictAction}, which parses {@code --model_args},
 * {@code --gen_kwargs}, {@code --metadata}, {@code --wandb_args}, {@code --wandb_config_args},
 * {@code --trackio_args} and {@code --hf_hub_log_args}.
 *
 * <p>One occurrence of such a flag is a list of tokens. If the first token is a JSON object, that object
 * is merged into the result and the other tokens are ignored (as lm-eval does). Otherwise every token is
 * split on the commas outside brackets, braces and quotes, each item on its first {@code =}, and the value
 * is converted by {@link #coerce}. Later keys win; a repeated key is reported through the warning sink.
 */
public final class KeyValueArgs {
  private KeyValueArgs() {}

  /**
   * Merges one occurrence of {@code flag} (its tokens) into {@code current} and returns the new map.
   *
   * @param warnings receives lm-eval's "Overwriting" warning for repeated keys
   * @throws ArgumentException where lm-eval reports an error (an item without {@code =}, text with
   *     {@code {} that is not valid JSON, a value Python's {@code int()} rejects)
   */
  public static Map<String, Object> merge(String flag, Map<String, Object> current, List<String> tokens,
      Consumer<String> warnings) {
    Map<String, Object> result = new LinkedHashMap<>(current);
    if (tokens.isEmpty()) {
      return result;
    }
    Object json = JsonArgs.tryParse(flag, tokens.get(0));
    if (json instanceof Map<?, ?> object) {
      object.forEach((k, v) -> result.put(String.valueOf(k), v));
      return result;
    }
    for (String token : tokens) {
      Map<String, Object> parsed = keyValueToDict(flag, token, warnings);
      List<String> overwritten = new ArrayList<>();
      parsed.forEach((k, v) -> {
        if (result.containsKey(k)) {
          overwritten.add(k + ": " + result.get(k) + " -> " + v);
        }
      });
      if (!overwritten.isEmpty()) {
        warnings.accept(flag + ": Overwriting " + String.join(", ", overwritten));
      }
      result.putAll(parsed);
    }
    return result;
  }

  /** All occurrences of a flag, merged in order: what lm-eval's namespace holds after parsing. */
  public static Map<String, Object> mergeAll(String flag, List<List<String>> occurrences, Consumer<String> warnings) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (List<String> tokens : occurrences) {
      result = merge(flag, result, tokens, warnings);
    }
    return result;
  }

  /** {@code key_val_to_dict}: one token, {@code k=v,k2=v2}, split on top-level commas. */
  public static Map<String, Object> keyValueToDict(String flag, String token, Consumer<String> warnings) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (String item : splitTopLevel(token)) {
      int eq = item.indexOf('=');
      if (eq < 0) {
        throw new ArgumentException("argument " + flag + ": expected `key=value`, got '" + item + "'");
      }
      String key = item.substring(0, eq);
      Object value = coerce(flag, key, item.substring(eq + 1));
      if (result.containsKey(key)) {
        warnings.accept("Overwriting key '" + key + "': " + result.get(key) + " -> " + value);
      }
      result.put(key, value);
    }
    return result;
  }

  /**
   * {@code split_top_level}: splits on commas that are not inside brackets, braces, parentheses or quotes
   * (a quote runs to the next identical quote; no escapes), and drops empty parts.
   */
  public static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder buf = new StringBuilder();
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[' || c == '(' || c == '{') {
        depth++;
      } else if (c == ']' || c == ')' || c == '}') {
        depth = Math.max(depth - 1, 0);
      } else if (c == ',' && depth == 0) {
        parts.add(buf.toString());
        buf.setLength(0);
        continue;
      }
      buf.append(c);
    }
    parts.add(buf.toString());
    parts.removeIf(String::isEmpty);
    return parts;
  }

  /**
   * {@code handle_cli_value_string}: {@code true}/{@code false} in any case → Boolean; all characters
   * numeric ({@code str.isnumeric}) → int; Python {@code float()} → Double (so {@code -1} is -1.0);
   * {@code ast.literal_eval} → its value (lists, dicts, tuples, sets, None, quoted strings); else the
   * text itself.
   */
  public static Object coerce(String flag, String key, String value) {
    String lower = value.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("true")) {
      return Boolean.TRUE;
    }
    if (lower.equals("false")) {
      return Boolean.FALSE;
    }
    if (PythonNumbers.isNumeric(value)) {
      Optional<Number> n = PythonNumbers.parseInt(value);
      if (n.isEmpty()) {
        throw new ArgumentException("argument " + flag + ": invalid literal for int() with base 10: '" + value
            + "' (value of '" + key + "')");
      }
      return n.get();
    }
    OptionalDouble d = PythonNumbers.parseFloat(value);
    if (d.isPresent()) {
      return d.getAsDouble();
    }
    try {
      return PythonLiteral.parse(value);
    } catch (IllegalArgumentException | StackOverflowError notALiteral) {
      return value;
    }
  }
}
