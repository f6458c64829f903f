package org.lmeval.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RequestType;

/**
 * An OpenAI-compatible HTTP/1.1 server (on 127.0.0.1 unless told otherwise), backed by any {@link LanguageModel}.
 * JDK only (plain sockets, one thread per connection, keep-alive), so tests, benchmarks and {@code lm-eval serve}
 * use it without dependencies.
 *
 * <p>Endpoints:
 * <ul>
 *   <li>{@code POST /v1/completions}: {@code prompt} as a string, strings, token ids or lists of ids; with
 *       {@code echo} and {@code logprobs} the prompt's tokens come back with their log-probabilities
 *       ({@code tokens}, {@code token_logprobs} with null first, {@code top_logprobs}, {@code text_offset} in
 *       characters), followed by {@code max_tokens} generated tokens (default 16);
 *   <li>{@code POST /v1/chat/completions}: the messages' contents joined by blank lines are the prompt;
 *   <li>{@code POST /v1/messages}: Anthropic's Messages API, likewise;
 *   <li>{@code POST /v1/complete}: Anthropic's legacy Text Completions API ({@code prompt} as sent, with its
 *       {@code \n\nHuman:} / {@code \n\nAssistant:} turns; {@code max_tokens_to_sample}, {@code stop_sequences});
 *   <li>{@code POST /openai/deployments/<deployment>/chat/completions?api-version=...}: Azure OpenAI's chat
 *       completions (the deployment is the model; {@code api-version} required; key in {@code api-key} or
 *       {@code Authorization: Bearer});
 *   <li>{@code POST /v1/engines/<engine>/logprob} and {@code /completions}: TextSynth's API, scored directly;
 *   <li>{@code GET /tokenizer_info}, {@code POST /tokenize}, {@code POST /detokenize}: vLLM's tokenizer endpoints;
 *   <li>{@code GET /v1/models}, {@code GET /health}.
 * </ul>
 *
 * <p>Token log-probabilities: the model scores text, so token {@code i} gets
 * {@code loglikelihood(text of tokens before i, text of token i)}, split by a {@link ServerTokenizer} (one token
 * per character unless told otherwise; {@link VocabularyTokenizer} reads the ids of the model's own tokenizer);
 * special tokens read as empty text ({@link ServerTokenizer#modelPieces}). {@code top_logprobs} holds the
 * token itself when the model says it is greedy, else also a better-scored stand-in {@code "<|alt|>"}. For a
 * model that obeys the chain rule ({@link ChainRuleLanguageModel}, any real LM) the sum over tokens equals the
 * in-process score.
 *
 * <p>An unknown {@code model} gets 404, a missing or wrong API key (when one is set) 401, and
 * {@link FaultPlan} injects 429s, 500s, resets, truncated and malformed answers, and hangs.
 */
public final class OpenAiCompatibleServer implements AutoCloseable {
  private static final String ALT = "<|alt|>";
  private static final String AZURE_DEPLOYMENTS = "/openai/deployments/";

  private final LanguageModel model;
  private final String modelName;
  private final ServerTokenizer tokenizer;
  private final String apiKey;
  private final FaultPlan faults;
  private final Duration latency;
  private final boolean echo;
  private final boolean tokenizerEndpoints;
  private final boolean lockModel;
  private final ServerSocket socket;
  private final ExecutorService connections;
  private final Thread acceptor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final Map<String, AtomicLong> byPath = new ConcurrentHashMap<>();
  private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
  private final List<RecordedRequest> recorded = Collections.synchronizedList(new ArrayList<>());
  private final boolean recordBodies;
  private final boolean scoreByPrefix;
  private volatile boolean closed;

  private OpenAiCompatibleServer(Builder b) throws IOException {
    this.model = b.model;
    this.modelName = b.modelName;
    this.tokenizer = b.tokenizer;
    this.apiKey = b.apiKey;
    this.faults = b.faults;
    this.latency = b.latency;
    this.echo = b.echo;
    this.tokenizerEndpoints = b.tokenizerEndpoints;
    this.lockModel = !b.threadSafeModel;
    this.recordBodies = b.recordBodies;
    this.scoreByPrefix = b.scoreByPrefix;
    this.socket = new ServerSocket();
    this.socket.bind(new InetSocketAddress(b.host, b.port), 1024);
    AtomicInteger n = new AtomicInteger();
    this.connections = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(null, r, "openai-server-" + n.incrementAndGet(), 256 * 1024);
      t.setDaemon(true);
      return t;
    });
    this.acceptor = new Thread(this::accept, "openai-server-accept");
    this.acceptor.setDaemon(true);
    this.acceptor.start();
  }

  /** A server for {@code model}; call {@link Builder#start()}. */
  public static Builder builder(LanguageModel model) {
    return new Builder(model);
  }

  /** Settings of a server. */
  public static final class Builder {
    private final LanguageModel model;
    private String modelName = "test-model";
    private ServerTokenizer tokenizer = ServerTokenizer.characters();
    private String apiKey;
    private FaultPlan faults = FaultPlan.none();
    private Duration latency = Duration.ZERO;
    private boolean echo = true;
    private boolean tokenizerEndpoints = true;
    private boolean threadSafeModel;
    private boolean recordBodies;
    private boolean scoreByPrefix;
    private int port;
    private InetAddress host = InetAddress.getLoopbackAddress();

    private Builder(LanguageModel model) {
      this.model = model;
    }

    /** The only model name served (others get 404); default {@code test-model}. */
    public Builder modelName(String name) {
      this.modelName = name;
      return this;
    }

    public Builder tokenizer(ServerTokenizer t) {
      this.tokenizer = t;
      return this;
    }

    /** Require {@code Authorization: Bearer <key>} (or {@code x-api-key}); 401 otherwise. */
    public Builder apiKey(String key) {
      this.apiKey = key;
      return this;
    }

    public Builder faults(FaultPlan plan) {
      this.faults = plan;
      return this;
    }

    /** Added before every model answer. */
    public Builder latency(Duration d) {
      this.latency = d;
      return this;
    }

    /** False: completions with {@code echo} get 400, as on servers that cannot return prompt log-probs. */
    public Builder echo(boolean supported) {
      this.echo = supported;
      return this;
    }

    /** False: no {@code /tokenize}, {@code /detokenize}, {@code /tokenizer_info} (404). */
    public Builder tokenizerEndpoints(boolean served) {
      this.tokenizerEndpoints = served;
      return this;
    }

    /** The model may be called from many threads at once (else calls are serialised). */
    public Builder threadSafeModel() {
      this.threadSafeModel = true;
      return this;
    }

    /**
     * Score token {@code i} as {@code loglikelihood(t0, text from t0 up to i) - loglikelihood(t0, text from t0
     * before i)}, where {@code t0} is the text of the first token (its greediness still from
     * {@code loglikelihood(text before i, its text)}). For a model with its own subword tokenizer the
     * log-probabilities of a span of tokens then add up to the model's {@code loglikelihood(text before the span,
     * span)}, as in process, even where the model would split a prefix ending inside a word differently (which
     * makes single tokens' values approximate). Costs two model requests per token instead of one. Off by default:
     * each token is {@code loglikelihood(text before it, its text)}.
     */
    public Builder scoreByPrefix() {
      this.scoreByPrefix = true;
      return this;
    }

    /** Keep every request body received on a {@code /v1/} endpoint ({@link #bodies()}), for payload checks. */
    public Builder recordBodies() {
      this.recordBodies = true;
      return this;
    }

    /** The address to listen on (default 127.0.0.1; {@code 0.0.0.0} for every interface). */
    public Builder host(String address) {
      try {
        this.host = InetAddress.getByName(address);
      } catch (java.net.UnknownHostException e) {
        throw new IllegalArgumentException("unknown host '" + address + "'", e);
      }
      return this;
    }

    /** 0 (default) picks a free port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public OpenAiCompatibleServer start() {
      try {
        return new OpenAiCompatibleServer(this);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot start the test server", e);
      }
    }
  }

  /** {@code http://<host>:<port>} ({@code 127.0.0.1} when listening on every interface). */
  public String root() {
    InetAddress a = socket.getInetAddress();
    String host = a.isAnyLocalAddress() ? "127.0.0.1"
        : a instanceof java.net.Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
    return "http://" + host + ":" + socket.getLocalPort();
  }

  /** The model name requests must carry (or leave out). */
  public String modelName() {
    return modelName;
  }

  public String completionsUrl() {
    return root() + "/v1/completions";
  }

  public String chatCompletionsUrl() {
    return root() + "/v1/chat/completions";
  }

  public String messagesUrl() {
    return root() + "/v1/messages";
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** Requests received so far (all paths). */
  public long requests() {
    return requests.get();
  }

  /** Requests received so far on {@code path} (e.g. {@code /v1/completions}). */
  public long requests(String path) {
    AtomicLong n = byPath.get(path);
    return n == null ? 0 : n.get();
  }

  /** The bodies received on {@code /v1/} endpoints, in arrival order (with {@link Builder#recordBodies()}). */
  public List<String> bodies() {
    synchronized (bodies) {
      return List.copyOf(bodies);
    }
  }

  /**
   * The model requests received (request target with its query, headers, body), in arrival order (with
   * {@link Builder#recordBodies()}), for checks of URLs and headers.
   */
  public List<RecordedRequest> recordedRequests() {
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  /**
   * One request as received.
   *
   * @param method e.g. {@code POST}
   * @param target the request target: path and query, e.g. {@code /v1/complete} or
   *     {@code /openai/deployments/d/chat/completions?api-version=2025-03-01-preview}
   * @param headers header names in lower case
   * @param body the body as UTF-8 text
   */
  public record RecordedRequest(String method, String target, Map<String, String> headers, String body) { }

  /** The most requests the server was answering at once. */
  public int maxInFlight() {
    return maxInFlight.get();
  }

  public FaultPlan faults() {
    return faults;
  }

  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      // closing
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // closing
      }
    }
    connections.shutdownNow();
  }

  // ---- connections

  private void accept() {
    while (!closed) {
      try {
        Socket s = socket.accept();
        s.setTcpNoDelay(true);
        open.add(s);
        connections.execute(() -> serve(s));
      } catch (IOException e) {
        if (closed) {
          return;
        }
      } catch (java.util.concurrent.RejectedExecutionException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
      OutputStream out = s.getOutputStream();
      while (!closed) {
        HttpRequest req = HttpRequest.read(in);
        if (req == null) {
          return;
        }
        requests.incrementAndGet();
        byPath.computeIfAbsent(req.path, p -> new AtomicLong()).incrementAndGet();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        boolean keep;
        try {
          keep = handle(req, s, out);
        } finally {
          inFlight.decrementAndGet();
        }
        if (!keep || "close".equalsIgnoreCase(req.headers.get("connection"))) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      open.remove(s);
    }
  }

  /** Answers one request; false when the connection must close. */
  private boolean handle(HttpRequest req, Socket s, OutputStream out) throws IOException {
    boolean modelPath = req.path.startsWith("/v1/") || req.path.startsWith(AZURE_DEPLOYMENTS);
    boolean modelEndpoint = modelPath && "POST".equals(req.method);
    FaultPlan.Fault fault = modelEndpoint ? faults.decide(req.path, req.body) : FaultPlan.Fault.NONE;
    if (recordBodies && modelPath) {
      bodies.add(req.body);
      recorded.add(new RecordedRequest(req.method, req.target(), req.headers, req.body));
    }
    if (modelEndpoint && !latency.isZero()) {
      sleep(latency);
    }
    switch (fault) {
      case RATE_LIMIT -> {
        String seconds = String.format(Locale.ROOT, "%.3f", faults.retryAfter().toNanos() / 1e9);
        respond(out, 429, error("Rate limit reached for requests", "rate_limit_error", "rate_limit_exceeded"),
            Map.of("Retry-After", seconds));
        return true;
      }
      case SERVER_ERROR -> {
        respond(out, 500, error("The server had an error while processing your request", "server_error", null),
            Map.of());
        return true;
      }
      case RESET -> {
        s.setSoLinger(true, 0);
        return false;
      }
      case MALFORMED -> {
        respond(out, 200, "{\"choices\": [{\"index\": 0, \"text\": \"cut", Map.of());
        return true;
      }
      case TRUNCATED -> {
        Response r = route(req);
        byte[] body = r.body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + r.status + " OK\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, body.length / 2);
        out.flush();
        return false;
      }
      case HANG -> sleep(faults.hang());
      default -> { }
    }
    Response r = route(req);
    respond(out, r.status, r.body, r.headers);
    return true;
  }

  private record Response(int status, String body, Map<String, String> headers) {
    static Response json(int status, Object body) {
      return new Response(status, Json.write(body), Map.of());
    }
  }

  private Response route(HttpRequest req) {
    try {
      if ("GET".equals(req.method)) {
        switch (req.path) {
          case "/health" -> {
            return Response.json(200, Map.of());
          }
          case "/v1/models" -> {
            return Response.json(200, Map.of("object", "list", "data",
                List.of(Map.of("id", modelName, "object", "model", "owned_by", "lmeval"))));
          }
          case "/tokenizer_info" -> {
            if (tokenizerEndpoints) {
              Map<String, Object> info = new LinkedHashMap<>();
              info.put("eos_token", tokenizer.specialText());
              info.put("bos_token", tokenizer.bosText());
              info.put("pad_token", null);
              info.put("model_max_length", 1_000_000);
              info.put("tokenizer_class", tokenizer.name());
              return Response.json(200, info);
            }
          }
          default -> { }
        }
        return Response.json(404, errorMap("Not Found: GET " + req.path, "invalid_request_error", null));
      }
      if (!"POST".equals(req.method)) {
        return Response.json(405, errorMap("Method Not Allowed", "invalid_request_error", null));
      }
      if (tokenizerEndpoints && (req.path.equals("/tokenize") || req.path.equals("/detokenize"))) {
        return tokenizerEndpoint(req);
      }
      Response denied = authorize(req);
      if (denied != null) {
        return denied;
      }
      Map<String, Object> body = asMap(Json.parse(req.body));
      if (req.path.startsWith("/v1/engines/")) {
        return textSynth(req.path, body);
      }
      if (req.path.startsWith(AZURE_DEPLOYMENTS)) {
        return azure(req, body);
      }
      Object requested = body.get("model");
      if (requested != null && !modelName.equals(requested)) {
        return Response.json(404, errorMap("The model `" + requested + "` does not exist.", "invalid_request_error",
            "model_not_found"));
      }
      return switch (req.path) {
        case "/v1/completions" -> completions(body);
        case "/v1/chat/completions" -> chat(body);
        case "/v1/messages" -> messages(body);
        case "/v1/complete" -> anthropicComplete(body);
        default -> Response.json(404, errorMap("Not Found: POST " + req.path, "invalid_request_error", null));
      };
    } catch (IllegalArgumentException | ClassCastException e) {
      return Response.json(400, errorMap("Bad request: " + e.getMessage(), "invalid_request_error", null));
    } catch (RuntimeException e) {
      return Response.json(500, errorMap("The model failed: " + e.getMessage(), "server_error", null));
    }
  }

  private Response authorize(HttpRequest req) {
    if (apiKey == null) {
      return null;
    }
    String auth = req.headers.getOrDefault("authorization", "");
    String xKey = req.headers.getOrDefault("x-api-key", "");
    String azureKey = req.headers.getOrDefault("api-key", "");
    if (auth.equals("Bearer " + apiKey) || xKey.equals(apiKey) || azureKey.equals(apiKey)) {
      return null;
    }
    return Response.json(401, errorMap("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"));
  }

  // ---- OpenAI completions

  private Response completions(Map<String, Object> body) {
    boolean wantEcho = Boolean.TRUE.equals(body.get("echo"));
    if (wantEcho && !echo) {
      return Response.json(400, errorMap("echo is not supported by this server", "invalid_request_error", null));
    }
    Integer logprobs = body.get("logprobs") instanceof Number n ? n.intValue() : null;
    int maxTokens = body.get("max_tokens") instanceof Number n ? n.intValue() : 16;
    List<String> stop = stops(body.get("stop"));
    List<List<ServerTokenizer.Token>> prompts = prompts(body.get("prompt"));
    List<Object> choices = new ArrayList<>();
    int promptTokens = 0;
    int completionTokens = 0;
    for (int i = 0; i < prompts.size(); i++) {
      List<ServerTokenizer.Token> prompt = prompts.get(i);
      promptTokens += prompt.size();
      List<ServerTokenizer.Token> generated = generate(prompt, maxTokens, stop);
      completionTokens += generated.size();
      List<ServerTokenizer.Token> shown = new ArrayList<>(wantEcho ? prompt : List.of());
      shown.addAll(generated);
      Map<String, Object> choice = new LinkedHashMap<>();
      choice.put("index", i);
      choice.put("text", text(shown));
      if (logprobs != null) {
        // a generation that ended before max_tokens ended on EOS, which the logprobs list (as vLLM's does) though
        // the text leaves it out: clients such as lm-eval drop the last entry as "the generated token"
        List<ServerTokenizer.Token> listed = new ArrayList<>(shown);
        if (maxTokens > 0 && generated.size() < maxTokens) {
          listed.add(tokenizer.token(tokenizer.specialId()));
        }
        choice.put("logprobs", logprobs(prompt, listed, wantEcho ? 0 : prompt.size()));
      } else {
        choice.put("logprobs", null);
      }
      choice.put("finish_reason", generated.size() >= maxTokens ? "length" : "stop");
      choices.add(choice);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", "cmpl-" + requests.get());
    out.put("object", "text_completion");
    out.put("created", System.currentTimeMillis() / 1000);
    out.put("model", modelName);
    out.put("choices", choices);
    out.put("usage", Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens, "total_tokens",
        promptTokens + completionTokens));
    return Response.json(200, out);
  }

  /**
   * The logprobs object of {@code shown} (echoed prompt tokens, then generated ones); {@code skipped} prompt
   * tokens precede {@code shown} when the prompt is not echoed.
   */
  private Map<String, Object> logprobs(List<ServerTokenizer.Token> prompt, List<ServerTokenizer.Token> shown,
      int skipped) {
    List<ServerTokenizer.Token> all = new ArrayList<>(prompt.subList(0, skipped));
    all.addAll(shown);
    List<String> pieces = tokenizer.modelPieces(all);
    // per scored token: is it greedy, loglikelihood(text before it, its text); and with prefix scoring, the
    // loglikelihood of each whole prefix ("", text up to and including the token)
    List<LoglikelihoodRequest> asks = new ArrayList<>();
    Map<String, Integer> prefixAsk = new LinkedHashMap<>();
    List<String> prefixes = new ArrayList<>(all.size());
    StringBuilder before = new StringBuilder();
    for (int k = 0; k < all.size(); k++) {
      String piece = pieces.get(k);
      if (k >= skipped && k > 0 && !piece.isEmpty()) {
        asks.add(new LoglikelihoodRequest(before.toString(), piece));
      }
      before.append(piece);
      prefixes.add(before.toString());
    }
    // the prefix scores are anchored on the text of the first token (which itself has no log-probability)
    int first = 0;
    while (first < all.size() && pieces.get(first).isEmpty()) {
      first++;
    }
    String anchor = first < all.size() ? prefixes.get(first) : "";
    if (scoreByPrefix) {
      for (int k = first + 1; k < all.size(); k++) {
        String p = prefixes.get(k);
        if (p.length() > anchor.length() && !prefixAsk.containsKey(p)) {
          prefixAsk.put(p, asks.size());
          asks.add(new LoglikelihoodRequest(anchor, p.substring(anchor.length())));
        }
      }
    }
    List<LoglikelihoodResult> scored = scoreEach(asks);
    // prefix scoring: the score of each prefix from the anchor; a prefix the model cannot score (its last token
    // merges into the one before it in the model's own split) carries the score before it, so that its token scores
    // 0 and the next one carries the mass
    double[] cumulative = new double[all.size()];
    if (scoreByPrefix) {
      for (int k = first + 1; k < all.size(); k++) {
        Integer at = prefixAsk.get(prefixes.get(k));
        LoglikelihoodResult c = at == null ? null : scored.get(at);
        cumulative[k] = c == null ? cumulative[k - 1] : c.logprob();
      }
    }
    List<Object> tokens = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    List<Object> tops = new ArrayList<>();
    List<Object> offsets = new ArrayList<>();
    int offset = 0;
    int next = 0;
    for (int k = skipped; k < all.size(); k++) {
      ServerTokenizer.Token t = all.get(k);
      tokens.add(t.text());
      offsets.add(offset);
      offset += t.text().codePointCount(0, t.text().length());
      if (k == 0) {
        values.add(null);
        tops.add(null);
        continue;
      }
      // a token that adds nothing to the text (special, or the first bytes of a character) scores 0; one the model
      // cannot score on its own (see scoreEach) scores 0 and is not greedy
      LoglikelihoodResult r = pieces.get(k).isEmpty() ? new LoglikelihoodResult(0.0, true) : scored.get(next++);
      if (r == null) {
        r = new LoglikelihoodResult(0.0, false);
      }
      double lp = r.logprob();
      if (scoreByPrefix && k > first) {
        lp = cumulative[k] - cumulative[k - 1];
      }
      values.add(lp);
      Map<String, Object> top = new LinkedHashMap<>();
      top.put(t.text(), lp);
      if (!r.greedy()) {
        top.put(t.text().equals(ALT) ? ALT + "2" : ALT, lp < 0 ? lp / 2 : lp + 1);
      }
      tops.add(top);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tokens", tokens);
    out.put("token_logprobs", values);
    out.put("top_logprobs", tops);
    out.put("text_offset", offsets);
    return out;
  }

  /**
   * The model's answers to {@code asks}, in one batch; when the model rejects the batch, one by one, with null for
   * each request it rejects (e.g. a subword token whose text, re-tokenised by the model after the text before it,
   * adds no token of its own).
   */
  private List<LoglikelihoodResult> scoreEach(List<LoglikelihoodRequest> asks) {
    if (asks.isEmpty()) {
      return List.of();
    }
    try {
      return callModel(m -> m.loglikelihood(asks));
    } catch (RuntimeException batchFailed) {
      List<LoglikelihoodResult> out = new ArrayList<>(asks.size());
      int failed = 0;
      RuntimeException firstFailure = null;
      for (LoglikelihoodRequest ask : asks) {
        try {
          out.add(callModel(m -> m.loglikelihood(List.of(ask))).get(0));
        } catch (RuntimeException e) {
          out.add(null);
          failed++;
          firstFailure = firstFailure == null ? e : firstFailure;
        }
      }
      if (failed == asks.size()) {
        throw firstFailure;
      }
      return out;
    }
  }

  private List<ServerTokenizer.Token> generate(List<ServerTokenizer.Token> prompt, int maxTokens, List<String> stop) {
    if (maxTokens <= 0 || !model.supportedRequests().contains(RequestType.GENERATE_UNTIL)) {
      return List.of();
    }
    String context = tokenizer.modelText(prompt);
    GenerationParams params = new GenerationParams(stop, OptionalInt.of(maxTokens), false, OptionalDouble.empty(),
        Map.of());
    String text = callModel(m -> m.generateUntil(List.of(new GenerationRequest(context, params)))).get(0);
    List<ServerTokenizer.Token> tokens = tokenizer.encode(text);
    return tokens.size() > maxTokens ? tokens.subList(0, maxTokens) : tokens;
  }

  // ---- chat, messages, TextSynth

  private Response chat(Map<String, Object> body) {
    String prompt = conversation(body.get("messages"), null);
    Object max = body.containsKey("max_completion_tokens") ? body.get("max_completion_tokens") : body.get("max_tokens");
    String text = complete(prompt, max, stops(body.get("stop")));
    Map<String, Object> choice = new LinkedHashMap<>();
    choice.put("index", 0);
    choice.put("message", Map.of("role", "assistant", "content", text));
    choice.put("finish_reason", "stop");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", "chatcmpl-" + requests.get());
    out.put("object", "chat.completion");
    out.put("created", System.currentTimeMillis() / 1000);
    out.put("model", modelName);
    out.put("choices", List.of(choice));
    return Response.json(200, out);
  }

  private Response messages(Map<String, Object> body) {
    String prompt = conversation(body.get("messages"), body.get("system"));
    String text = complete(prompt, body.get("max_tokens"), stops(body.get("stop_sequences")));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", "msg_" + requests.get());
    out.put("type", "message");
    out.put("role", "assistant");
    out.put("model", modelName);
    out.put("content", List.of(Map.of("type", "text", "text", text)));
    out.put("stop_reason", "end_turn");
    return Response.json(200, out);
  }

  /** Anthropic's legacy {@code /v1/complete}: the prompt is scored as sent, turns and all. */
  private Response anthropicComplete(Map<String, Object> body) {
    if (!(body.get("prompt") instanceof String prompt)) {
      throw new IllegalArgumentException("'prompt' must be a string");
    }
    if (!prompt.startsWith("\n\nHuman:") || !prompt.endsWith("\n\nAssistant:")) {
      throw new IllegalArgumentException("prompt must start with \"\\n\\nHuman:\" and end with "
          + "\"\\n\\nAssistant:\"");
    }
    if (!(body.get("max_tokens_to_sample") instanceof Number)) {
      throw new IllegalArgumentException("'max_tokens_to_sample' is required");
    }
    String text = complete(prompt, body.get("max_tokens_to_sample"), stops(body.get("stop_sequences")));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", "compl_" + requests.get());
    out.put("type", "completion");
    out.put("completion", text);
    out.put("stop_reason", "stop_sequence");
    out.put("model", modelName);
    return Response.json(200, out);
  }

  /** Azure OpenAI: {@code /openai/deployments/<deployment>/chat/completions?api-version=...}. */
  private Response azure(HttpRequest req, Map<String, Object> body) {
    String rest = req.path.substring(AZURE_DEPLOYMENTS.length());
    int slash = rest.indexOf('/');
    if (slash <= 0 || !rest.substring(slash).equals("/chat/completions")) {
      return Response.json(404, errorMap("Resource not found: POST " + req.path, "invalid_request_error", "404"));
    }
    String deployment = rest.substring(0, slash);
    if (!req.query.matches("(^|.*&)api-version=[^&]+.*")) {
      return Response.json(400, errorMap("Missing required query parameter: api-version", "invalid_request_error",
          "MissingApiVersionParameter"));
    }
    if (!modelName.equals(deployment)) {
      return Response.json(404, errorMap("The API deployment for this resource does not exist.",
          "invalid_request_error", "DeploymentNotFound"));
    }
    return chat(body);
  }

  private Response textSynth(String path, Map<String, Object> body) {
    if (path.endsWith("/logprob")) {
      LoglikelihoodRequest r = new LoglikelihoodRequest(String.valueOf(body.get("context")),
          String.valueOf(body.get("continuation")));
      LoglikelihoodResult res = callModel(m -> m.loglikelihood(List.of(r))).get(0);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("logprob", res.logprob());
      out.put("is_greedy", res.greedy());
      out.put("input_tokens", tokenizer.encode(r.context() + r.continuation()).size());
      return Response.json(200, out);
    }
    if (path.endsWith("/completions")) {
      String text = complete(String.valueOf(body.get("prompt")), body.get("max_tokens"), stops(body.get("stop")));
      return Response.json(200, Map.of("text", text, "reached_end", true));
    }
    return Response.json(404, errorMap("Not Found: POST " + path, "invalid_request_error", null));
  }

  private String complete(String prompt, Object maxTokens, List<String> stop) {
    int max = maxTokens instanceof Number n ? n.intValue() : 16;
    GenerationParams params = new GenerationParams(stop, OptionalInt.of(max), false, OptionalDouble.empty(),
        Map.of());
    return callModel(m -> m.generateUntil(List.of(new GenerationRequest(prompt, params)))).get(0);
  }

  /** Message contents (text, or the text parts of a content list) joined by blank lines; system first. */
  private static String conversation(Object messages, Object system) {
    List<String> parts = new ArrayList<>();
    if (system instanceof String s && !s.isEmpty()) {
      parts.add(s);
    }
    if (!(messages instanceof List<?> list)) {
      throw new IllegalArgumentException("'messages' must be a list");
    }
    for (Object m : list) {
      Object content = asMap(m).get("content");
      if (content instanceof String s) {
        parts.add(s);
      } else if (content instanceof List<?> blocks) {
        StringBuilder sb = new StringBuilder();
        for (Object b : blocks) {
          Object t = asMap(b).get("text");
          if (t != null) {
            sb.append(t);
          }
        }
        parts.add(sb.toString());
      }
    }
    return String.join("\n\n", parts);
  }

  // ---- vLLM tokenizer endpoints

  private Response tokenizerEndpoint(HttpRequest req) {
    Map<String, Object> body = asMap(Json.parse(req.body));
    if (req.path.equals("/tokenize")) {
      List<Object> ids = new ArrayList<>();
      for (ServerTokenizer.Token t : tokenizer.encode(String.valueOf(body.get("prompt")))) {
        ids.add(t.id());
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("count", ids.size());
      out.put("max_model_len", 1_000_000);
      out.put("tokens", ids);
      return Response.json(200, out);
    }
    List<Integer> ids = new ArrayList<>();
    for (Object o : (List<?>) body.get("tokens")) {
      ids.add(((Number) o).intValue());
    }
    return Response.json(200, Map.of("prompt", tokenizer.decode(ids)));
  }

  // ---- helpers

  private List<List<ServerTokenizer.Token>> prompts(Object prompt) {
    List<List<ServerTokenizer.Token>> out = new ArrayList<>();
    if (prompt instanceof String s) {
      out.add(tokenizer.encode(s));
    } else if (prompt instanceof List<?> list && !list.isEmpty()) {
      if (list.get(0) instanceof Number) {
        out.add(ids(list));
      } else {
        for (Object p : list) {
          if (p instanceof String s) {
            out.add(tokenizer.encode(s));
          } else if (p instanceof List<?> l) {
            out.add(ids(l));
          } else {
            throw new IllegalArgumentException("'prompt' items must be strings or token lists");
          }
        }
      }
    } else {
      throw new IllegalArgumentException("'prompt' must be a string, a list of strings or token lists");
    }
    return out;
  }

  private List<ServerTokenizer.Token> ids(List<?> list) {
    List<ServerTokenizer.Token> out = new ArrayList<>(list.size());
    for (Object o : list) {
      out.add(tokenizer.token(((Number) o).intValue()));
    }
    return out;
  }

  private static String text(List<ServerTokenizer.Token> tokens) {
    StringBuilder sb = new StringBuilder();
    for (ServerTokenizer.Token t : tokens) {
      sb.append(t.text());
    }
    return sb.toString();
  }

  private static List<String> stops(Object stop) {
    if (stop == null) {
      return List.of();
    }
    if (stop instanceof String s) {
      return List.of(s);
    }
    List<String> out = new ArrayList<>();
    for (Object o : (List<?>) stop) {
      out.add(String.valueOf(o));
    }
    return out;
  }

  private <T> T callModel(java.util.function.Function<LanguageModel, T> call) {
    if (!lockModel) {
      return call.apply(model);
    }
    synchronized (model) {
      return call.apply(model);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    if (!(o instanceof Map)) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    return (Map<String, Object>) o;
  }

  private static String error(String message, String type, String code) {
    return Json.write(errorMap(message, type, code));
  }

  private static Map<String, Object> errorMap(String message, String type, String code) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("message", message);
    e.put("type", type);
    e.put("param", null);
    e.put("code", code);
    return Map.of("error", e);
  }

  private static void respond(OutputStream out, int status, String body, Map<String, String> headers)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status))
        .append("\r\nContent-Type: application/json\r\nContent-Length: ").append(bytes.length).append("\r\n");
    headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      default -> "Status";
    };
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One parsed HTTP/1.1 request. */
  private record HttpRequest(String method, String path, String query, Map<String, String> headers, String body) {
    /** The request target as sent: the path, and {@code ?query} if there is one. */
    String target() {
      return query.isEmpty() ? path : path + "?" + query;
    }

    /** The next request on the connection, or null at its end. */
    static HttpRequest read(InputStream in) throws IOException {
      String line = line(in);
      while (line != null && line.isEmpty()) {
        line = line(in);
      }
      if (line == null) {
        return null;
      }
      String[] parts = line.split(" ");
      if (parts.length < 2) {
        throw new SocketException("bad request line");
      }
      Map<String, String> headers = new LinkedHashMap<>();
      String h;
      while ((h = line(in)) != null && !h.isEmpty()) {
        int colon = h.indexOf(':');
        if (colon > 0) {
          headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
      }
      byte[] body;
      if (headers.containsKey("content-length")) {
        int n = Integer.parseInt(headers.get("content-length"));
        body = in.readNBytes(n);
        if (body.length < n) {
          return null;
        }
      } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (true) {
          String size = line(in);
          if (size == null) {
            return null;
          }
          int n = Integer.parseInt(size.split(";")[0].trim(), 16);
          if (n == 0) {
            line(in);
            break;
          }
          all.write(in.readNBytes(n));
          line(in);
        }
        body = all.toByteArray();
      } else {
        body = new byte[0];
      }
      String path = parts[1];
      int q = path.indexOf('?');
      return new HttpRequest(parts[0], q < 0 ? path : path.substring(0, q), q < 0 ? "" : path.substring(q + 1),
          Collections.unmodifiableMap(headers),
          new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
      StringBuilder sb = new StringBuilder();
      int c;
      while ((c = in.read()) != -1) {
        if (c == '\n') {
          int len = sb.length();
          return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
        }
        sb.append((char) c);
      }
      return sb.length() == 0 ? null : sb.toString();
    }
  }
}
