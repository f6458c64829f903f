package org.lmeval.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lmeval.platform.python.PythonTuple;

/**
 * The golden vectors that {@code tools/cli/gen_cli_vectors.py} wrote from lm-eval 0.4.13, and the tagged
 * JSON encoding it uses ({@code $tuple}, {@code $set}, {@code $float}, {@code $dict}) for Java values.
 */
public final class Fixtures {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static JsonNode cli;

  private Fixtures() {}

  /** {@code lm_eval_0_4_13_cli.json}. */
  public static synchronized JsonNode cli() {
    if (cli == null) {
      try (InputStream in = Fixtures.class.getResourceAsStream("/org/lmeval/cli/lm_eval_0_4_13_cli.json")) {
        cli = MAPPER.readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return cli;
  }

  /** A Java value in the fixture's tagged encoding, with set members in a canonical order. */
  public static JsonNode tagged(Object v) {
    if (v == null) {
      return NODES.nullNode();
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (v instanceof String s) {
      return NODES.textNode(s);
    }
    if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
      return NODES.numberNode(new BigInteger(v.toString()));
    }
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        return NODES.objectNode().put("$float", d.isNaN() ? "nan" : d > 0 ? "inf" : "-inf");
      }
      return NODES.numberNode(d);
    }
    if (v instanceof PythonTuple t) {
      ObjectNode o = NODES.objectNode();
      o.set("$tuple", array(t));
      return o;
    }
    if (v instanceof Set<?> s) {
      ObjectNode o = NODES.objectNode();
      o.set("$set", sorted(array(s)));
      return o;
    }
    if (v instanceof Collection<?> c) {
      return array(c);
    }
    if (v instanceof Map<?, ?> m) {
      if (m.keySet().stream().allMatch(k -> k instanceof String)) {
        ObjectNode o = NODES.objectNode();
        m.forEach((k, x) -> o.set((String) k, tagged(x)));
        return o;
      }
      ArrayNode pairs = NODES.arrayNode();
      m.forEach((k, x) -> pairs.add(NODES.arrayNode().add(tagged(k)).add(tagged(x))));
      ObjectNode o = NODES.objectNode();
      o.set("$dict", pairs);
      return o;
    }
    throw new IllegalArgumentException("cannot tag " + v.getClass() + ": " + v);
  }

  /** The fixture's value with numbers as BigInteger/Double nodes and set members in canonical order. */
  public static JsonNode normalized(JsonNode n) {
    if (n.isIntegralNumber()) {
      return NODES.numberNode(n.bigIntegerValue());
    }
    if (n.isFloatingPointNumber()) {
      return NODES.numberNode(n.doubleValue());
    }
    if (n.isArray()) {
      ArrayNode a = NODES.arrayNode();
      n.forEach(x -> a.add(normalized(x)));
      return a;
    }
    if (n.isObject()) {
      ObjectNode o = NODES.objectNode();
      n.fields().forEachRemaining(e -> o.set(e.getKey(), normalized(e.getValue())));
      if (o.has("$set")) {
        o.set("$set", sorted((ArrayNode) o.get("$set")));
      }
      return o;
    }
    return n;
  }

  private static ArrayNode array(Collection<?> c) {
    ArrayNode a = NODES.arrayNode();
    c.forEach(x -> a.add(tagged(x)));
    return a;
  }

  private static ArrayNode sorted(ArrayNode a) {
    List<JsonNode> items = new ArrayList<>();
    a.forEach(items::add);
    items.sort(Comparator.comparing(JsonNode::toString));
    ArrayNode s = NODES.arrayNode();
    items.forEach(s::add);
    return s;
  }
}
