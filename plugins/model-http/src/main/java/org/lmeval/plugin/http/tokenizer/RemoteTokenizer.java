package org.lmeval.plugin.http.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.plugin.http.client.ApiCall;
import org.lmeval.plugin.http.client.RequestPool;

/**
 * The server's own tokenizer, through vLLM's endpoints beside the OpenAI ones: {@code GET /tokenizer_info},
 * {@code POST /tokenize} {@code {"prompt", "add_special_tokens": false}} and {@code POST /detokenize}
 * {@code {"tokens"}} (lm-eval's {@code RemoteTokenizer}: special tokens are never added). Unlike lm-eval, a batch
 * of texts is tokenized concurrently through the model's request pool, and each distinct text only once.
 */
public final class RemoteTokenizer implements Tokenizer {
  private static final int CACHE_LIMIT = 200_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RequestPool pool;
  private final String description;
  private final Map<String, int[]> cache = new ConcurrentHashMap<>();
  private final Optional<String> bos;
  private final Optional<String> eos;
  private final OptionalInt bosId;
  private final OptionalInt eosId;

  private RemoteTokenizer(RequestPool pool, String description, JsonNode info) {
    this.pool = pool;
    this.description = description;
    this.bos = text(info, "bos_token");
    this.eos = text(info, "eos_token");
    this.bosId = firstId(bos);
    this.eosId = firstId(eos);
  }

  /** Connects to the server of {@code baseUrl} (e.g. {@code http://host:8000/v1/completions}). */
  public static RemoteTokenizer open(RequestPool pool, String baseUrl) {
    JsonNode info = pool.execute(List.of(ApiCall.get(at("/tokenizer_info"), RemoteTokenizer::readObject,
        "GET /tokenizer_info"))).get(0);
    return new RemoteTokenizer(pool, "remote tokenizer " + serverRoot(baseUrl), info);
  }

  /**
   * lm-eval's {@code check_remote_tokenizer_support}: whether {@code /tokenizer_info} answers with an
   * {@code eos_token} and {@code /tokenize} with a token list. A server that cannot be reached or refuses the
   * credentials is reported as such (that, not the tokenizer, is the problem).
   */
  public static boolean supported(RequestPool pool) {
    try {
      JsonNode info = pool.execute(List.of(ApiCall.get(at("/tokenizer_info"), RemoteTokenizer::readObject,
          "GET /tokenizer_info"))).get(0);
      if (!info.has("eos_token")) {
        return false;
      }
      ObjectNode body = JSON.createObjectNode().put("prompt", "test").put("add_special_tokens", false);
      pool.execute(List.of(ApiCall.post(at("/tokenize"), bytes(body), RemoteTokenizer::readTokens,
          "POST /tokenize")));
      return true;
    } catch (EvalException e) {
      if (e.code() == ErrorCode.BACKEND_UNAVAILABLE) {
        throw e;
      }
      return false;
    }
  }

  /** {@code base_url} without {@code /v1/completions} or {@code /v1/chat/completions} and trailing slashes. */
  public static String serverRoot(String baseUrl) {
    String s = baseUrl.replace("/v1/completions", "").replace("/v1/chat/completions", "");
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  @Override
  public List<int[]> encode(List<String> texts, boolean addSpecialTokens) {
    Map<String, Integer> missing = new HashMap<>();
    List<String> order = new ArrayList<>();
    for (String t : texts) {
      if (!cache.containsKey(t) && missing.putIfAbsent(t, order.size()) == null) {
        order.add(t);
      }
    }
    if (!order.isEmpty()) {
      List<ApiCall<int[]>> calls = new ArrayList<>(order.size());
      for (String t : order) {
        ObjectNode body = JSON.createObjectNode().put("prompt", t).put("add_special_tokens", false);
        calls.add(ApiCall.post(at("/tokenize"), bytes(body), RemoteTokenizer::readTokens,
            "POST /tokenize of '" + abbreviate(t) + "'"));
      }
      List<int[]> got = pool.execute(calls);
      if (cache.size() + order.size() > CACHE_LIMIT) {
        cache.clear();
      }
      for (int i = 0; i < order.size(); i++) {
        cache.put(order.get(i), got.get(i));
      }
      List<int[]> out = new ArrayList<>(texts.size());
      for (String t : texts) {
        Integer i = missing.get(t);
        out.add(i != null ? got.get(i) : cache.get(t));
      }
      return out;
    }
    List<int[]> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(cache.get(t));
    }
    return out;
  }

  @Override
  public List<String> decode(List<int[]> tokens) {
    List<ApiCall<String>> calls = new ArrayList<>(tokens.size());
    for (int[] t : tokens) {
      ObjectNode body = JSON.createObjectNode();
      ArrayNode ids = body.putArray("tokens");
      for (int id : t) {
        ids.add(id);
      }
      calls.add(ApiCall.post(at("/detokenize"), bytes(body), RemoteTokenizer::readPrompt, "POST /detokenize"));
    }
    return pool.execute(calls);
  }

  @Override
  public OptionalInt bosTokenId() {
    return bosId;
  }

  @Override
  public OptionalInt eosTokenId() {
    return eosId;
  }

  @Override
  public Optional<String> eosToken() {
    return eos;
  }

  @Override
  public String description() {
    return description;
  }

  private OptionalInt firstId(Optional<String> token) {
    if (token.isEmpty()) {
      return OptionalInt.empty();
    }
    int[] ids = encode(List.of(token.get()), false).get(0);
    return ids.length == 0 ? OptionalInt.empty() : OptionalInt.of(ids[0]);
  }

  private static UnaryOperator<String> at(String path) {
    return base -> serverRoot(base) + path;
  }

  private static JsonNode readObject(byte[] body) throws IOException {
    JsonNode n = JSON.readTree(body);
    if (n == null || !n.isObject()) {
      throw new IOException("expected a JSON object");
    }
    return n;
  }

  private static int[] readTokens(byte[] body) throws IOException {
    JsonNode tokens = readObject(body).get("tokens");
    if (tokens == null || !tokens.isArray()) {
      throw new IOException("no 'tokens' list in the /tokenize answer");
    }
    int[] ids = new int[tokens.size()];
    for (int i = 0; i < ids.length; i++) {
      if (!tokens.get(i).canConvertToInt()) {
        throw new IOException("token " + i + " is not an integer");
      }
      ids[i] = tokens.get(i).asInt();
    }
    return ids;
  }

  private static String readPrompt(byte[] body) throws IOException {
    JsonNode prompt = readObject(body).get("prompt");
    if (prompt == null || !prompt.isTextual()) {
      throw new IOException("no 'prompt' text in the /detokenize answer");
    }
    return prompt.asText();
  }

  private static Optional<String> text(JsonNode info, String key) {
    JsonNode v = info.get(key);
    return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String abbreviate(String s) {
    String one = s.replace("\n", "\\n");
    return one.length() > 60 ? one.substring(0, 60) + "..." : one;
  }
}
