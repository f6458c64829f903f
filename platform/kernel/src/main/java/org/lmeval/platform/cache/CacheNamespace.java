package org.lmeval.platform.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.lmeval.api.model.RequestType;

/**
 * A namespace read back from a cache ({@link ModelFingerprint#namespace}): which model and request type its
 * entries belong to, for {@code lm-eval cache} output and filters.
 *
 * @param model the model as {@link ModelFingerprint#display()} shows it (the raw namespace if it is not one of
 *     ours)
 * @param requestType the request type, or empty if the namespace is not one of ours
 */
public record CacheNamespace(String model, Optional<RequestType> requestType) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What {@code namespace} says; never fails (a foreign namespace shows as itself). */
  public static CacheNamespace parse(String namespace) {
    try {
      JsonNode n = JSON.readTree(namespace);
      if (n == null || !n.isObject() || !n.path("backend").isTextual() || !n.path("request_type").isTextual()) {
        return foreign(namespace);
      }
      Map<String, Object> args = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = n.path("model_args").fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        JsonNode v = f.getValue();
        args.put(f.getKey(), v.isTextual() ? v.asText() : v.isInt() ? (Object) v.intValue()
            : v.isBoolean() ? (Object) v.booleanValue() : v.isNull() ? null : v.toString());
      }
      ModelFingerprint fp = new ModelFingerprint(n.get("backend").asText(), args, n.path("model_hash").asText(""));
      Optional<RequestType> type = Optional.empty();
      for (RequestType t : RequestType.values()) {
        if (t.lmEvalName().equals(n.get("request_type").asText())) {
          type = Optional.of(t);
        }
      }
      return new CacheNamespace(fp.display(), type);
    } catch (java.io.IOException | RuntimeException e) {
      return foreign(namespace);
    }
  }

  /** lm-eval's name of the request type, or "?" for a foreign namespace. */
  public String requestTypeName() {
    return requestType.map(RequestType::lmEvalName).orElse("?");
  }

  private static CacheNamespace foreign(String namespace) {
    return new CacheNamespace(namespace, Optional.empty());
  }
}
