package org.lmeval.cli.args;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Python's {@code json.loads} as lm-eval's CLI uses it ({@code try_parse_json}): objects keep their key
 * order (a repeated key takes the last value), integers are Integer/Long/BigInteger, numbers with a
 * fraction or exponent are Double, {@code NaN}, {@code Infinity} and {@code -Infinity} are accepted and
 * nothing may follow the value.
 */
public final class JsonArgs {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private JsonArgs() {}

  /**
   * {@code try_parse_json}: the parsed JSON value if {@code text} is JSON; the text itself if it is not
   * JSON and has no {@code {}; an error if it has a {@code {} but is not valid JSON.
   */
  public static Object tryParse(String flag, String text) {
    try {
      return MAPPER.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      if (text.contains("{")) {
        throw new ArgumentException("argument " + flag + ": invalid JSON: " + text
            + ". Hint: use double quotes for JSON strings (" + e.getOriginalMessage() + ")");
      }
      return text;
    }
  }

  /** {@code json.loads(text)}, or null if it is not JSON. */
  public static Object parseOrNull(String text) {
    try {
      return MAPPER.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
