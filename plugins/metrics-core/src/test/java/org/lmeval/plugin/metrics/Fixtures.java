package org.lmeval.plugin.metrics;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Loads the reference fixtures written by {@code tools/metrics/gen_fixtures.py}. */
public final class Fixtures {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  private Fixtures() {}

  public static JsonNode load(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("fixtures/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name + "; run tools/metrics/gen_fixtures.py");
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON value as plain Java: Map, List, String, Integer/Long, Double, Boolean or null. */
  public static Object plain(JsonNode node) {
    return MAPPER.convertValue(node, Object.class);
  }

  public static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  public static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(JsonNode node) {
    return (Map<String, Object>) plain(node);
  }
}
