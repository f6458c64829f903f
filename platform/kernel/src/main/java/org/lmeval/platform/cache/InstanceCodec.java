package org.lmeval.platform.cache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.platform.eval.Instance;

/**
 * Instances as lines of JSON that read back equal, value types included (an {@code Integer} stays an
 * {@code Integer}, a {@code Long} a {@code Long}, {@code 1.0} a {@code Double}).
 *
 * <p>Every character outside ASCII is written as a {@code \\uXXXX} escape, so the text survives any encoding
 * and lone surrogates read back as they were. Lines: a header {@code {"format":..,"version":1,"key":..,"docs":D,"instances":N}}, then each distinct
 * document once as {@code ["doc", value]} (instances of one document share it, as when built), then each
 * instance as {@code ["inst", docIndex, task, docId, idx, type, request, arguments, repeats]}, then
 * {@code ["end", N]}. Values: JSON strings, booleans, null and int-range integers as themselves; everything else
 * is a tagged array: {@code ["[", items...]} a list, {@code ["{", k1, v1, ...]} a map (keys are values too),
 * {@code ["L", "123"]} a Long, {@code ["D", "0.5"]} a Double, {@code ["F", ..]} a Float, {@code ["I", ..]} a
 * BigInteger, {@code ["B", ..]} a BigDecimal.
 */
final class InstanceCodec {
  static final String FORMAT = "lm-eval-java request cache";
  static final int VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).build();

  /** A value the codec cannot write (the instances are then not cached). */
  static final class UnsupportedValue extends Exception {
    private static final long serialVersionUID = 1L;

    UnsupportedValue(String message) {
      super(message);
    }
  }

  /** A file that is not a complete request cache of this version and key. */
  static final class Damaged extends Exception {
    private static final long serialVersionUID = 1L;

    Damaged(String message) {
      super(message);
    }
  }

  private InstanceCodec() {}

  static void write(Writer out, String key, List<Instance> instances) throws IOException, UnsupportedValue {
    Map<Map<String, Object>, Integer> docIndex = new IdentityHashMap<>();
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Instance i : instances) {
      if (!docIndex.containsKey(i.doc())) {
        docIndex.put(i.doc(), docs.size());
        docs.add(i.doc());
      }
    }
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("format", FORMAT);
    header.put("version", VERSION);
    header.put("key", key);
    header.put("docs", docs.size());
    header.put("instances", instances.size());
    out.write(JSON.writeValueAsString(header));
    out.write('\n');
    for (Map<String, Object> doc : docs) {
      line(out, g -> {
        g.writeString("doc");
        value(g, doc);
      });
    }
    for (Instance i : instances) {
      line(out, g -> {
        g.writeString("inst");
        g.writeNumber(docIndex.get(i.doc()));
        g.writeString(i.taskName());
        g.writeNumber(i.docId());
        g.writeNumber(i.idx());
        g.writeString(i.type().name());
        request(g, i.type(), i.request());
        value(g, i.arguments());
        g.writeNumber(i.repeats());
      });
    }
    out.write("[\"end\"," + instances.size() + "]\n");
  }

  static List<Instance> read(BufferedReader in, String key) throws IOException, Damaged {
    String first = in.readLine();
    if (first == null) {
      throw new Damaged("empty");
    }
    JsonNode header = JSON.readTree(first);
    if (!FORMAT.equals(header.path("format").asText()) || header.path("version").asInt(-1) != VERSION) {
      throw new Damaged("not a request cache of version " + VERSION);
    }
    if (!key.equals(header.path("key").asText())) {
      throw new Damaged("written for another key");
    }
    int docCount = header.path("docs").asInt(-1);
    int count = header.path("instances").asInt(-1);
    if (docCount < 0 || count < 0) {
      throw new Damaged("header without counts");
    }
    List<Map<String, Object>> docs = new ArrayList<>(docCount);
    for (int d = 0; d < docCount; d++) {
      JsonNode line = array(in, "doc");
      Object doc = value(line.get(1));
      if (!(doc instanceof Map<?, ?>)) {
        throw new Damaged("document " + d + " is not a map");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) doc;
      docs.add(m);
    }
    List<Instance> instances = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      JsonNode line = array(in, "inst");
      if (line.size() != 9) {
        throw new Damaged("instance " + n + " has " + line.size() + " fields");
      }
      int doc = line.get(1).asInt(-1);
      if (doc < 0 || doc >= docs.size()) {
        throw new Damaged("instance " + n + " refers to document " + doc);
      }
      RequestType type;
      try {
        type = RequestType.valueOf(line.get(5).asText());
      } catch (IllegalArgumentException e) {
        throw new Damaged("instance " + n + " has request type " + line.get(5));
      }
      Object arguments = value(line.get(7));
      if (!(arguments instanceof List<?> args)) {
        throw new Damaged("instance " + n + " has no argument list");
      }
      try {
        instances.add(new Instance(line.get(2).asText(), line.get(3).asInt(), docs.get(doc), line.get(4).asInt(),
            type, request(type, line.get(6)), new ArrayList<>(args), line.get(8).asInt()));
      } catch (RuntimeException e) {
        throw new Damaged("instance " + n + ": " + e.getMessage());
      }
    }
    JsonNode end = array(in, "end");
    if (end.size() != 2 || end.get(1).asInt(-1) != count) {
      throw new Damaged("the end line does not match the header");
    }
    if (in.readLine() != null) {
      throw new Damaged("lines after the end");
    }
    return instances;
  }

  // ------------------------------------------------------------------------------------------ writing

  private interface Body {
    void write(JsonGenerator g) throws IOException, UnsupportedValue;
  }

  private static void line(Writer out, Body body) throws IOException, UnsupportedValue {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(text)) {
      g.writeStartArray();
      body.write(g);
      g.writeEndArray();
    }
    out.write(text.toString());
    out.write('\n');
  }

  private static void request(JsonGenerator g, RequestType type, Object request) throws IOException,
      UnsupportedValue {
    g.writeStartArray();
    switch (type) {
      case LOGLIKELIHOOD -> {
        LoglikelihoodRequest r = (LoglikelihoodRequest) request;
        g.writeString(r.context());
        g.writeString(r.continuation());
      }
      case LOGLIKELIHOOD_ROLLING -> g.writeString(((RollingRequest) request).text());
      case GENERATE_UNTIL -> {
        GenerationRequest r = (GenerationRequest) request;
        GenerationParams p = r.params();
        g.writeString(r.context());
        value(g, p.until());
        if (p.maxGenToks().isPresent()) {
          g.writeNumber(p.maxGenToks().getAsInt());
        } else {
          g.writeNull();
        }
        g.writeBoolean(p.doSample());
        value(g, p.temperature().isPresent() ? (Object) p.temperature().getAsDouble() : null);
        value(g, p.extra());
      }
    }
    g.writeEndArray();
  }

  private static void value(JsonGenerator g, Object v) throws IOException, UnsupportedValue {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      tagged(g, "L", l.toString());
    } else if (v instanceof Double d) {
      tagged(g, "D", Double.toString(d));
    } else if (v instanceof Float f) {
      tagged(g, "F", Float.toString(f));
    } else if (v instanceof BigInteger b) {
      tagged(g, "I", b.toString());
    } else if (v instanceof BigDecimal b) {
      tagged(g, "B", b.toString());
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      g.writeString("[");
      for (Object item : list) {
        value(g, item);
      }
      g.writeEndArray();
    } else if (v instanceof Map<?, ?> map) {
      g.writeStartArray();
      g.writeString("{");
      for (Map.Entry<?, ?> e : map.entrySet()) {
        value(g, e.getKey());
        value(g, e.getValue());
      }
      g.writeEndArray();
    } else {
      throw new UnsupportedValue("a " + v.getClass().getName() + " value");
    }
  }

  private static void tagged(JsonGenerator g, String tag, String text) throws IOException {
    g.writeStartArray();
    g.writeString(tag);
    g.writeString(text);
    g.writeEndArray();
  }

  // ------------------------------------------------------------------------------------------ reading

  private static JsonNode array(BufferedReader in, String kind) throws IOException, Damaged {
    String text = in.readLine();
    if (text == null) {
      throw new Damaged("it ends before its last " + kind + " line");
    }
    JsonNode node = JSON.readTree(text);
    if (!node.isArray() || node.size() < 1 || !kind.equals(node.get(0).asText())) {
      throw new Damaged("a " + kind + " line was expected");
    }
    return node;
  }

  private static Object request(RequestType type, JsonNode r) throws Damaged {
    return switch (type) {
      case LOGLIKELIHOOD -> new LoglikelihoodRequest(text(r.get(0)), text(r.get(1)));
      case LOGLIKELIHOOD_ROLLING -> new RollingRequest(text(r.get(0)));
      case GENERATE_UNTIL -> {
        Object until = value(r.get(1));
        Object temperature = value(r.get(4));
        Object extra = value(r.get(5));
        if (!(until instanceof List<?> u) || !(extra instanceof Map<?, ?> x)
            || !(temperature == null || temperature instanceof Double)) {
          throw new Damaged("a generation request's kwargs do not decode");
        }
        List<String> stops = new ArrayList<>();
        for (Object s : u) {
          stops.add((String) s);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> extraMap = (Map<String, Object>) x;
        JsonNode max = r.get(2);
        yield new GenerationRequest(text(r.get(0)), new GenerationParams(stops,
            max == null || max.isNull() ? OptionalInt.empty() : OptionalInt.of(max.asInt()), r.get(3).asBoolean(),
            temperature == null ? OptionalDouble.empty() : OptionalDouble.of((Double) temperature), extraMap));
      }
    };
  }

  private static String text(JsonNode n) throws Damaged {
    if (n == null || !n.isTextual()) {
      throw new Damaged("a request field is not a string");
    }
    return n.asText();
  }

  private static Object value(JsonNode n) throws Damaged {
    if (n == null) {
      throw new Damaged("a value is missing");
    }
    if (n.isNull()) {
      return null;
    }
    if (n.isTextual()) {
      return n.asText();
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    if (n.isInt()) {
      return n.intValue();
    }
    if (!n.isArray() || n.size() < 1 || !n.get(0).isTextual()) {
      throw new Damaged("a value is neither plain nor tagged: " + n);
    }
    String tag = n.get(0).asText();
    Iterator<JsonNode> items = n.elements();
    items.next();
    try {
      return switch (tag) {
        case "[" -> {
          List<Object> list = new ArrayList<>(n.size() - 1);
          while (items.hasNext()) {
            list.add(value(items.next()));
          }
          yield list;
        }
        case "{" -> {
          Map<Object, Object> map = new LinkedHashMap<>();
          while (items.hasNext()) {
            Object k = value(items.next());
            if (!items.hasNext()) {
              throw new Damaged("a map has a key without a value");
            }
            map.put(k, value(items.next()));
          }
          yield map;
        }
        case "L" -> Long.valueOf(n.get(1).asText());
        case "D" -> Double.valueOf(n.get(1).asText());
        case "F" -> Float.valueOf(n.get(1).asText());
        case "I" -> new BigInteger(n.get(1).asText());
        case "B" -> new BigDecimal(n.get(1).asText());
        default -> throw new Damaged("unknown value tag '" + tag + "'");
      };
    } catch (NumberFormatException | NullPointerException e) {
      throw new Damaged("a tagged number does not decode: " + n);
    }
  }
}
