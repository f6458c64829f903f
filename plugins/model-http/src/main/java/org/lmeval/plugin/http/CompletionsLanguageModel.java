package org.lmeval.plugin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.PartialResultsException;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;
import org.lmeval.plugin.http.client.ApiCall;
import org.lmeval.plugin.http.client.RequestPool;
import org.lmeval.plugin.http.tokenizer.Tokenizer;

/**
 * {@code local-completions} and {@code openai-completions}: an OpenAI-style {@code /v1/completions} endpoint.
 *
 * <p>Log-likelihoods (§3.7): the pair is tokenized as lm-eval does, {@code (ctx + cont)[-max_length:]} is sent with
 * {@code echo: true, logprobs: 1, max_tokens: 1, temperature: 0}, and the answer's
 * {@code token_logprobs[ctxlen:-1]} are summed; greedy means each of them equals the largest of its
 * {@code top_logprobs}. Requests are sorted longest first and {@code batch_size} prompts go in one request.
 * Rolling log-likelihoods are windows of {@code max_length - 1} tokens scored the same way. Generation sends
 * {@code prompt, model, max_tokens, temperature, stop, seed} plus the remaining generation kwargs.
 */
final class CompletionsLanguageModel extends HttpLanguageModel {
  private static final List<String> OPENAI_LOGPROB_MODELS = List.of("babbage-002", "davinci-002");

  private final Tokenizer tokenizer;
  private final String noTokenizerReason;
  private Boolean echo;

  CompletionsLanguageModel(BackendKind kind, HttpSettings settings, RequestPool pool, Tokenizer tokenizer,
      String noTokenizerReason) {
    super(kind, settings, pool);
    this.tokenizer = tokenizer;
    this.noTokenizerReason = noTokenizerReason;
  }

  @Override
  Set<RequestType> served() {
    EnumSet<RequestType> s = EnumSet.of(RequestType.GENERATE_UNTIL);
    if (whyNoLogprobs() == null) {
      s.add(RequestType.LOGLIKELIHOOD);
      s.add(RequestType.LOGLIKELIHOOD_ROLLING);
    }
    return s;
  }

  @Override
  String whyNot(RequestType type) {
    String why = whyNoLogprobs();
    return why == null ? "unknown" : why;
  }

  private String whyNoLogprobs() {
    if (tokenizer == null) {
      return "log-likelihoods need a tokenizer to find the context's length (" + noTokenizerReason + ")";
    }
    if (kind == BackendKind.OPENAI_COMPLETIONS && !OPENAI_LOGPROB_MODELS.contains(settings.model())) {
      return "OpenAI gives prompt log-probabilities only for " + OPENAI_LOGPROB_MODELS + ", not for model '"
          + settings.model() + "'";
    }
    if (prefixTokenId() == null) {
      return "the tokenizer has neither a BOS nor an EOS token to stand for an empty context; give "
          + "custom_prefix_token_id";
    }
    if (!echoSupported()) {
      return "the server at " + settings.baseUrls().get(0) + " does not return the prompt's log-probabilities "
          + "(echo + logprobs); chat endpoints and servers without echo can only generate";
    }
    return null;
  }

  /** lm-eval's probe-free default assumes echo works; we ask once, with a one-token request. */
  private synchronized boolean echoSupported() {
    if (!settings.probeEcho()) {
      return true;
    }
    if (echo == null) {
      ObjectNode p = JSON.createObjectNode();
      p.put("model", settings.model());
      p.put("prompt", "Hello, world");
      p.put("temperature", 0);
      p.put("max_tokens", 1);
      p.put("logprobs", 1);
      p.put("seed", settings.seed());
      p.put("echo", true);
      try {
        echo = pool.execute(List.of(ApiCall.post(UnaryOperator.identity(), bytes(p), body -> {
          JsonNode choices = object(body).path("choices");
          JsonNode lp = choices.path(0).path("logprobs").path("token_logprobs");
          return lp.isArray() && lp.size() >= 2;
        }, "echo probe (one token)"))).get(0);
      } catch (EvalException e) {
        if (e.code() != ErrorCode.BACKEND_FAILURE) {
          throw e;
        }
        LOG.log(System.Logger.Level.WARNING, "echo probe failed, log-likelihoods are off: " + e.getMessage());
        echo = false;
      }
    }
    return echo;
  }

  private Integer prefixTokenId() {
    if (settings.customPrefixTokenId() != null) {
      return settings.customPrefixTokenId();
    }
    if (tokenizer.bosTokenId().isPresent()) {
      return tokenizer.bosTokenId().getAsInt();
    }
    return tokenizer.eosTokenId().isPresent() ? tokenizer.eosTokenId().getAsInt() : null;
  }

  private String eos() {
    if (settings.eosString() != null) {
      return settings.eosString();
    }
    return tokenizer == null ? null : tokenizer.eosToken().orElse(null);
  }

  // ---- loglikelihood

  @Override
  List<LoglikelihoodResult> doLoglikelihood(List<LoglikelihoodRequest> batch) {
    List<TokenPairs.Pair> pairs = TokenPairs.encode(batch, tokenizer, settings.addBosToken(), prefixTokenId());
    List<String> what = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      what.add("loglikelihood request " + i + " (context '" + abbreviate(batch.get(i).context())
          + "', continuation '" + abbreviate(batch.get(i).continuation()) + "')");
    }
    return score(pairs, what);
  }

  @Override
  List<RollingResult> doRolling(List<RollingRequest> batch) {
    List<String> texts = batch.stream().map(RollingRequest::text).toList();
    List<int[]> tokens = tokenizer.encode(texts, settings.addBosToken());
    List<TokenPairs.Pair> windows = new ArrayList<>();
    List<String> what = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    for (int d = 0; d < batch.size(); d++) {
      List<TokenPairs.Pair> w = RollingWindows.windows(tokens.get(d), prefixTokenId(), settings.maxLength() - 1);
      for (int k = 0; k < w.size(); k++) {
        windows.add(w.get(k));
        owners.add(d);
        what.add("loglikelihood_rolling request " + d + " window " + k + " ('" + abbreviate(texts.get(d)) + "')");
      }
    }
    int[] owner = owners.stream().mapToInt(Integer::intValue).toArray();
    List<LoglikelihoodResult> scored;
    try {
      scored = score(windows, what);
    } catch (PartialResultsException partial) {
      // a text's result is known when every one of its windows was scored
      double[] sums = new double[batch.size()];
      int[] missing = new int[batch.size()];
      for (int w = 0; w < owner.length; w++) {
        Object r = partial.results().get(w);
        if (r instanceof LoglikelihoodResult l) {
          sums[owner[w]] += l.logprob();
        } else {
          missing[owner[w]]++;
        }
      }
      Map<Integer, Object> done = new LinkedHashMap<>();
      for (int d = 0; d < batch.size(); d++) {
        if (missing[d] == 0) {
          done.put(d, new RollingResult(sums[d]));
        }
      }
      throw partial.withResults(done);
    }
    double[] sums = new double[batch.size()];
    for (int i = 0; i < scored.size(); i++) {
      sums[owner[i]] += scored.get(i).logprob();
    }
    List<RollingResult> out = new ArrayList<>(batch.size());
    for (double s : sums) {
      out.add(new RollingResult(s));
    }
    return out;
  }

  /** Scores token pairs; results in the pairs' order. */
  private List<LoglikelihoodResult> score(List<TokenPairs.Pair> pairs, List<String> what) {
    int maxLength = settings.maxLength();
    int n = pairs.size();
    int[][] inputs = new int[n][];
    int[] ctxlens = new int[n];
    int[][] wholes = new int[n][];
    for (int i = 0; i < n; i++) {
      TokenPairs.Pair p = pairs.get(i);
      int[] whole = p.whole();
      wholes[i] = whole;
      inputs[i] = whole.length > maxLength ? Arrays.copyOfRange(whole, whole.length - maxLength, whole.length)
          : whole;
      ctxlens[i] = p.context().length - Math.max(0, p.context().length + p.continuation().length - maxLength);
      if (ctxlens[i] <= 0) {
        throw new EvalException(ErrorCode.BACKEND_FAILURE, kind.modelName + ": " + what.get(i) + " has a "
            + "continuation of " + p.continuation().length + " tokens, which leaves no context within max_length "
            + (maxLength + 1) + " (lm-eval asserts the same)");
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingInt(i -> -wholes[i].length)
        .thenComparing((a, b) -> Arrays.compare(wholes[a], wholes[b])));
    int bs = settings.batchSize();
    List<int[]> members = new ArrayList<>();
    for (int start = 0; start < n; start += bs) {
      int[] idx = new int[Math.min(n, start + bs) - start];
      for (int k = 0; k < idx.length; k++) {
        idx[k] = order[start + k];
      }
      members.add(idx);
    }
    // each request's payload is written when the pool takes it, so the first ones are sent while the rest wait
    return executeSpread(n, members, c -> {
      int[] idx = members.get(c);
      int[] lens = new int[idx.length];
      ObjectNode p = JSON.createObjectNode();
      p.put("model", settings.model());
      if (settings.tokenizedRequests()) {
        ArrayNode prompts = p.putArray("prompt");
        for (int i : idx) {
          ArrayNode ids = prompts.addArray();
          for (int id : inputs[i]) {
            ids.add(id);
          }
        }
      } else {
        List<int[]> in = new ArrayList<>(idx.length);
        for (int i : idx) {
          in.add(inputs[i]);
        }
        List<String> texts = tokenizer.decode(in);
        if (bs <= 1) {
          p.put("prompt", texts.get(0));
        } else {
          ArrayNode prompts = p.putArray("prompt");
          texts.forEach(prompts::add);
        }
      }
      for (int k = 0; k < idx.length; k++) {
        lens[k] = ctxlens[idx[k]];
      }
      p.put("temperature", 0);
      p.put("max_tokens", 1);
      p.put("logprobs", 1);
      p.put("seed", settings.seed());
      p.put("echo", true);
      return ApiCall.post(UnaryOperator.identity(), bytes(p), body -> parseLogprobs(body, lens),
          what.get(idx[0]) + (idx.length > 1 ? " and " + (idx.length - 1) + " more in the same request" : ""));
    });
  }

  /** lm-eval's {@code LocalCompletionsAPI.parse_logprobs}, checked: an answer that does not fit is retried. */
  static List<LoglikelihoodResult> parseLogprobs(byte[] body, int[] ctxlens) throws IOException {
    JsonNode choices = object(body).get("choices");
    if (choices == null || !choices.isArray()) {
      throw new IOException("no 'choices' list");
    }
    List<JsonNode> sorted = new ArrayList<>();
    choices.forEach(sorted::add);
    if (sorted.size() != ctxlens.length) {
      throw new IOException("expected " + ctxlens.length + " choices, got " + sorted.size());
    }
    sorted.sort(Comparator.comparingInt(c -> c.path("index").asInt()));
    List<LoglikelihoodResult> out = new ArrayList<>(ctxlens.length);
    for (int k = 0; k < ctxlens.length; k++) {
      JsonNode logprobs = sorted.get(k).path("logprobs");
      JsonNode tokens = logprobs.path("token_logprobs");
      JsonNode tops = logprobs.path("top_logprobs");
      int ctxlen = ctxlens[k];
      if (!tokens.isArray() || tokens.size() < ctxlen + 1) {
        throw new IOException("choice " + k + " has " + (tokens.isArray() ? tokens.size() : 0) + " token "
            + "log-probs, fewer than its prompt's context of " + ctxlen + " tokens plus one (does the server echo "
            + "the prompt?)");
      }
      int end = tokens.size() - 1;
      double sum = 0;
      for (int i = ctxlen; i < end; i++) {
        JsonNode v = tokens.get(i);
        if (!v.isNumber()) {
          throw new IOException("token log-prob " + i + " of choice " + k + " is not a number: " + v);
        }
        sum += v.asDouble();
      }
      boolean greedy = true;
      if (!tops.isArray()) {
        throw new IOException("choice " + k + " has no top_logprobs list");
      }
      int topEnd = Math.min(end, tops.size() - 1);
      for (int i = ctxlen; i < topEnd; i++) {
        JsonNode top = tops.get(i);
        if (top == null || !top.isObject() || top.isEmpty()) {
          throw new IOException("top_logprobs " + i + " of choice " + k + " is not an object of log-probs");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (JsonNode t : top) {
          max = Math.max(max, t.asDouble());
        }
        if (tokens.get(i).asDouble() != max) {
          greedy = false;
          break;
        }
      }
      out.add(new LoglikelihoodResult(sum, greedy));
    }
    return out;
  }

  // ---- generation

  @Override
  List<String> doGenerate(List<GenerationRequest> batch) {
    Map<GenerationParams, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      groups.computeIfAbsent(batch.get(i).params(), k -> new ArrayList<>()).add(i);
    }
    String eos = eos();
    int bs = settings.batchSize();
    int[] lengths = new int[batch.size()];
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] = codePoints(batch.get(i).context());
    }
    List<int[]> members = new ArrayList<>();
    List<GenChunk> chunks = new ArrayList<>();
    for (Map.Entry<GenerationParams, List<Integer>> g : groups.entrySet()) {
      GenKwargs kw = GenKwargs.of(g.getKey(), settings.maxGenToks());
      List<Integer> idx = new ArrayList<>(g.getValue());
      idx.sort(Comparator.comparingInt(i -> -lengths[i]));
      // the group's shared fields, converted once (only read when each body is written)
      ObjectNode shared = JSON.createObjectNode();
      shared.put("model", settings.model());
      shared.set("max_tokens", JSON.valueToTree(kw.maxTokensOrGenToks()));
      shared.set("temperature", JSON.valueToTree(kw.temperature()));
      shared.set("stop", JSON.valueToTree(kw.stop(eos)));
      shared.put("seed", settings.seed());
      kw.rest().forEach((k, v) -> shared.set(k, JSON.valueToTree(v)));
      int maxContext = settings.maxLength() - kw.truncationGenToks();
      for (int start = 0; start < idx.size(); start += bs) {
        int[] m = idx.subList(start, Math.min(idx.size(), start + bs)).stream().mapToInt(Integer::intValue).toArray();
        members.add(m);
        chunks.add(new GenChunk(shared, kw.sampled(), maxContext));
      }
    }
    // each request's payload is written when the pool takes it, so the first ones are sent while the rest wait
    return executeSpread(batch.size(), members, c -> {
      int[] m = members.get(c);
      GenChunk chunk = chunks.get(c);
      ObjectNode p = JSON.createObjectNode();
      if (settings.tokenizedRequests()) {
        List<String> contexts = new ArrayList<>(m.length);
        for (int i : m) {
          contexts.add(batch.get(i).context());
        }
        ArrayNode prompts = p.putArray("prompt");
        for (int[] encoded : tokenizer.encode(contexts, settings.addBosToken())) {
          ArrayNode ids = prompts.addArray();
          for (int id : pythonTail(encoded, chunk.maxContext())) {
            ids.add(id);
          }
        }
      } else if (bs <= 1) {
        p.put("prompt", batch.get(m[0]).context());
      } else {
        ArrayNode prompts = p.putArray("prompt");
        for (int i : m) {
          prompts.add(batch.get(i).context());
        }
      }
      p.setAll(chunk.shared());
      int count = m.length;
      ApiCall<List<String>> call = ApiCall.post(UnaryOperator.identity(), bytes(p),
          body -> parseTexts(body, count, settings.noneAnswer()),
          "generate_until request " + m[0] + " ('" + abbreviate(batch.get(m[0]).context()) + "')");
      return chunk.sampled() ? call.distinct() : call;
    });
  }

  /** What the requests of one generation group share: the payload's fields besides the prompt. */
  private record GenChunk(ObjectNode shared, boolean sampled, int maxContext) {}

  /** lm-eval's {@code parse_generations}: {@code choices[i].text} by index; null becomes the placeholder. */
  static List<String> parseTexts(byte[] body, int count, String noneAnswer) throws IOException {
    JsonNode choices = object(body).get("choices");
    if (choices == null || !choices.isArray() || choices.size() != count) {
      throw new IOException("expected " + count + " choices, got "
          + (choices != null && choices.isArray() ? choices.size() : "none"));
    }
    String[] out = new String[count];
    for (JsonNode c : choices) {
      int i = c.path("index").asInt(-1);
      if (i < 0 || i >= count) {
        throw new IOException("choice index " + c.path("index") + " out of range");
      }
      JsonNode text = c.get("text");
      if (text != null && !text.isNull() && !text.isTextual()) {
        throw new IOException("choice " + i + " text is not a string");
      }
      out[i] = text == null || text.isNull() ? noneAnswer : text.asText();
    }
    for (int i = 0; i < count; i++) {
      if (out[i] == null) {
        throw new IOException("no choice with index " + i);
      }
    }
    return Arrays.asList(out);
  }

  /** Python's {@code x[-n:]}: the last n items; all of them when n is 0; from index -n when n is negative. */
  static int[] pythonTail(int[] x, int n) {
    if (n == 0) {
      return x;
    }
    int from = n > 0 ? Math.max(0, x.length - n) : Math.min(x.length, -n);
    return Arrays.copyOfRange(x, from, x.length);
  }

  @Override
  public void close() {
    try {
      if (tokenizer != null) {
        tokenizer.close();
      }
    } finally {
      super.close();
    }
  }
}
