package org.lmeval.plugin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;

/**
 * The model args of an HTTP backend, read and checked once in {@code open} (every accepted key is read there, so
 * the kernel can reject typos). Names and defaults are lm-eval's ({@code TemplateAPI} and the backends'
 * constructors); the few additions are marked. {@link #toString()} never shows credentials.
 *
 * @param model sent as {@code "model"}: model arg {@code model}, else {@code pretrained}
 * @param baseUrls {@code base_url} split at commas: the replicas
 * @param tokenizer {@code tokenizer}: a tokenizer.json path (or folder); null = use {@code model}
 * @param tokenizerBackend {@code huggingface}, {@code remote}, {@code tiktoken}, {@code auto}, or null for none
 * @param tokenizedRequests {@code tokenized_requests}: send token ids rather than text
 * @param numConcurrent {@code num_concurrent}: requests in flight at most
 * @param maxRetries {@code max_retries}: attempts per request (lm-eval counts attempts)
 * @param maxGenToks {@code max_gen_toks}: default generation length
 * @param batchSize {@code batch_size}: prompts per request
 * @param seed {@code seed}: sent with every request
 * @param maxLength {@code max_length} minus one, as lm-eval stores it
 * @param addBosToken {@code add_bos_token}
 * @param customPrefixTokenId {@code custom_prefix_token_id}, or null
 * @param eosString {@code eos_string}, or null
 * @param timeout {@code timeout} (seconds) for one exchange
 * @param headers the headers of every request ({@code header} replaces the default credentials header)
 * @param verifyCertificate {@code verify_certificate}
 * @param caCertPath {@code ca_cert_path}, or null
 * @param thinkEndToken {@code think_end_token} (chat): keep only the text after it
 * @param engine {@code engine} (textsynth)
 * @param retryBaseDelay addition: {@code retry_base_delay} seconds, first back-off (default 1)
 * @param retryMaxDelay addition: {@code retry_max_delay} seconds, longest back-off (default 10)
 * @param probeEcho addition: {@code probe_echo}, check once that a completions server echoes prompt log-probs
 *     before claiming log-likelihood support (default true)
 * @param noneAnswer what a null answer becomes (lm-eval's {@code LMEVAL_MODEL_NONE_ANSWER_PLACEHOLDER})
 */
record HttpSettings(
    String model,
    List<String> baseUrls,
    String tokenizer,
    String tokenizerBackend,
    boolean tokenizedRequests,
    int numConcurrent,
    int maxRetries,
    int maxGenToks,
    int batchSize,
    long seed,
    int maxLength,
    boolean addBosToken,
    Integer customPrefixTokenId,
    String eosString,
    Duration timeout,
    Map<String, String> headers,
    boolean verifyCertificate,
    Path caCertPath,
    String thinkEndToken,
    String engine,
    Duration retryBaseDelay,
    Duration retryMaxDelay,
    boolean probeEcho,
    String noneAnswer) {

  /** Header names whose values are credentials: never shown. */
  static final List<String> SECRET_HEADERS = List.of("authorization", "x-api-key", "api-key", "proxy-authorization");

  private static final System.Logger LOG = System.getLogger("org.lmeval.plugin.http");

  static final String AZURE_ENDPOINT_VARIABLE = "AZURE_OPENAI_ENDPOINT";
  static final String AZURE_DEPLOYMENT_VARIABLE = "AZURE_OPENAI_DEPLOYMENT_NAME";
  static final String AZURE_API_VERSION_VARIABLE = "AZURE_OPENAI_API_VERSION";
  /** lm-eval 0.4.13's default {@code api_version}. */
  static final String AZURE_DEFAULT_API_VERSION = "2025-03-01-preview";
  /** Model args lm-eval's Azure class accepts but never passes on (and that would change the requests). */
  static final List<String> AZURE_DROPPED_ARGS = List.of("pretrained", "max_gen_toks", "seed", "eos_string",
      "think_end_token", "max_length", "tokenizer", "tokenizer_backend", "tokenized_requests", "add_bos_token",
      "custom_prefix_token_id");

  static HttpSettings read(BackendKind kind, Options args, Map<String, String> env) {
    String model = args.string("model").orElse(null);
    String pretrained = args.string("pretrained").orElse(null);
    boolean azure = kind == BackendKind.AZURE_OPENAI_CHAT_COMPLETIONS;
    if (model == null && !azure && kind != BackendKind.ANTHROPIC_COMPLETIONS) {
      model = pretrained;
    }
    if (model == null && azure) {
      model = env.get(AZURE_DEPLOYMENT_VARIABLE);
      if (model == null || model.isEmpty()) {
        throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model '" + kind.modelName + "' needs the deployment "
            + "name: set " + AZURE_DEPLOYMENT_VARIABLE + " in the environment (or give model arg model)");
      }
    }
    if (model == null && kind == BackendKind.ANTHROPIC_COMPLETIONS) {
      model = "claude-2.0";
    }
    String baseUrl = args.string("base_url").orElse(defaultBaseUrl(kind, env));
    if (azure && (baseUrl == null || baseUrl.isBlank())) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model '" + kind.modelName + "' needs the resource "
          + "endpoint: set " + AZURE_ENDPOINT_VARIABLE + " in the environment (or give model arg base_url, e.g. "
          + "base_url=https://<resource>.openai.azure.com)");
    }
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model '" + kind.modelName + "' needs model arg base_url"
          + (kind.api == BackendKind.Api.GGUF ? " (the server root, e.g. base_url=http://127.0.0.1:8080)"
              : " (the full endpoint URL, e.g. base_url=http://127.0.0.1:8000/v1/"
                  + (kind.chat() ? "chat/completions" : "completions") + "; several comma-separated URLs spread "
                  + "the load over replicas)"));
    }
    List<String> baseUrls = new ArrayList<>();
    String apiVersion = azure ? args.string("api_version").orElse(env.getOrDefault(AZURE_API_VERSION_VARIABLE,
        AZURE_DEFAULT_API_VERSION)) : null;
    for (String u : baseUrl.split(",")) {
      if (!u.isBlank()) {
        baseUrls.add(checkUrl(azure ? azureUrl(u.strip(), model, apiVersion) : u.strip()));
      }
    }
    if (baseUrls.isEmpty()) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg 'base_url' holds no URL: '" + baseUrl + "'");
    }

    String tokenizer = args.string("tokenizer").orElse(null);
    String backend = args.contains("tokenizer_backend")
        ? args.value("tokenizer_backend").map(Object::toString).orElse("none") : kind.defaultTokenizerBackend;
    backend = backend.toLowerCase(Locale.ROOT);
    if (!List.of("huggingface", "remote", "tiktoken", "auto", "none").contains(backend)) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg 'tokenizer_backend' must be huggingface, "
          + "remote, tiktoken, auto or none, got '" + backend + "'");
    }
    boolean textOnly = kind.chat() || kind.api == BackendKind.Api.ANTHROPIC_COMPLETIONS;
    boolean tokenized = args.bool("tokenized_requests", !textOnly) && kind.api != BackendKind.Api.ANTHROPIC_COMPLETIONS;
    args.bool("truncate", false);
    args.bool("trust_remote_code", false);
    args.string("revision");
    args.bool("use_fast_tokenizer", true);
    args.intValue("max_images", 1);
    int numConcurrent = positive(args, "num_concurrent", 1);
    int maxRetries = positive(args, "max_retries", 3);
    int maxGenToks = positive(args, "max_gen_toks", 256);
    int batchSize = batchSize(args);
    if (kind.api == BackendKind.Api.ANTHROPIC_COMPLETIONS) {
      batchSize = 1; // lm-eval's AnthropicLM takes batch_size and sends one prompt per request
    } else if (kind.chat() && batchSize > 1) {
      LOG.log(System.Logger.Level.WARNING, kind.modelName + " does not batch prompts; using batch_size 1");
      batchSize = 1;
    }
    long seed = args.intValue("seed", 1234);
    int maxLength = args.intValue("max_length", 2048) - 1;
    if (maxLength < 1) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg 'max_length' must be at least 2, got "
          + (maxLength + 1));
    }
    boolean addBos = args.bool("add_bos_token", false);
    Integer prefix = args.intValue("custom_prefix_token_id").isPresent()
        ? args.intValue("custom_prefix_token_id").getAsInt() : null;
    String eosString = args.string("eos_string").filter(s -> !s.isEmpty()).orElse(null);
    int timeoutSeconds = positive(args, "timeout", 300);
    boolean verify = args.bool("verify_certificate", true);
    Path caCert = args.string("ca_cert_path").map(Path::of).orElse(null);
    if (caCert != null && !Files.isRegularFile(caCert)) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg 'ca_cert_path': no file " + caCert);
    }
    String authToken = args.string("auth_token").orElse(null);
    String apiKey = args.string("api_key").orElse(null);
    Map<String, String> header = header(args);
    String thinkEnd = kind.chat() ? args.string("think_end_token").orElse(null) : null;
    String engine = kind.api == BackendKind.Api.TEXTSYNTH ? args.requireString("engine") : null;
    double base = args.doubleValue("retry_base_delay", 1.0);
    double max = args.doubleValue("retry_max_delay", 10.0);
    if (base < 0 || max < 0) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model args 'retry_base_delay' and 'retry_max_delay' "
          + "must not be negative");
    }
    boolean probe = args.bool("probe_echo", true);
    String azureAuth = azure ? args.string("azure_auth", "bearer").toLowerCase(Locale.ROOT) : null;
    if (azure && !List.of("bearer", "api-key").contains(azureAuth)) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg 'azure_auth' must be bearer (lm-eval's "
          + "Authorization: Bearer <key>) or api-key (Azure's api-key header), got '" + azureAuth + "'");
    }
    if (azure) {
      // lm-eval 0.4.13's AzureOpenaiChatCompletionsLM calls super().__init__() without its **kwargs, so these
      // model args never reach the requests; they are dropped here too, to send what lm-eval sends
      List<String> dropped = AZURE_DROPPED_ARGS.stream().filter(args::contains).toList();
      if (!dropped.isEmpty()) {
        LOG.log(System.Logger.Level.WARNING, kind.modelName + ": lm-eval 0.4.13 ignores model args " + dropped
            + " for this model (its constructor drops them); ignoring them too, so the requests are lm-eval's "
            + "(set max_gen_toks in the task's generation_kwargs instead)");
      }
      maxGenToks = 256;
      seed = 1234;
      eosString = null;
      thinkEnd = null;
    }
    if (kind.api == BackendKind.Api.ANTHROPIC_COMPLETIONS) {
      List<String> unused = AZURE_DROPPED_ARGS.stream().filter(args::contains).toList();
      if (!unused.isEmpty()) {
        LOG.log(System.Logger.Level.WARNING, kind.modelName + ": model args " + unused + " have no effect on this "
            + "model (lm-eval's AnthropicLM would pass them to the anthropic SDK, which rejects them)");
      }
    }

    if (apiKey == null && kind.apiKeyVariable != null) {
      apiKey = env.get(kind.apiKeyVariable);
    }
    if (apiKey == null || apiKey.isEmpty()) {
      apiKey = authToken;
    }
    if (header == null && kind.apiKeyRequired && (apiKey == null || apiKey.isEmpty())) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model '" + kind.modelName + "' needs an API key: set "
          + kind.apiKeyVariable + " in the environment (or give model arg api_key)");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (header != null) {
      headers.putAll(header);
    } else if (apiKey != null && !apiKey.isEmpty()) {
      if (kind.api == BackendKind.Api.ANTHROPIC || kind.api == BackendKind.Api.ANTHROPIC_COMPLETIONS) {
        headers.put("x-api-key", apiKey);
      } else if ("api-key".equals(azureAuth)) {
        headers.put("api-key", apiKey);
      } else {
        headers.put("Authorization", "Bearer " + apiKey);
      }
    }
    if (kind.api == BackendKind.Api.ANTHROPIC || kind.api == BackendKind.Api.ANTHROPIC_COMPLETIONS) {
      headers.putIfAbsent("anthropic-version", "2023-06-01");
    }
    String none = env.getOrDefault(HttpModelBackend.NONE_ANSWER_VARIABLE, "");
    return new HttpSettings(model, List.copyOf(baseUrls), tokenizer, "none".equals(backend) ? null : backend,
        tokenized, numConcurrent, maxRetries, maxGenToks, batchSize, seed, maxLength, addBos, prefix, eosString,
        Duration.ofSeconds(timeoutSeconds), java.util.Collections.unmodifiableMap(headers), verify, caCert, thinkEnd,
        engine, Duration.ofNanos((long) (base * 1e9)), Duration.ofNanos((long) (max * 1e9)), probe, none);
  }

  /** The settings without credentials: header values of credential headers are masked. */
  @Override
  public String toString() {
    Map<String, String> shown = new LinkedHashMap<>();
    headers.forEach((k, v) -> shown.put(k, SECRET_HEADERS.contains(k.toLowerCase(Locale.ROOT)) ? "***" : v));
    return "HttpSettings[model=" + model + ", baseUrls=" + baseUrls + ", tokenizer=" + tokenizer
        + ", tokenizerBackend=" + tokenizerBackend + ", tokenizedRequests=" + tokenizedRequests + ", numConcurrent="
        + numConcurrent + ", maxRetries=" + maxRetries + ", batchSize=" + batchSize + ", maxLength=" + maxLength
        + ", headers=" + shown + "]";
  }

  Optional<String> modelName() {
    return Optional.ofNullable(model);
  }

  /**
   * A backend's {@code base_url} when the model args give none: Azure's {@code AZURE_OPENAI_ENDPOINT};
   * anthropic-completions' {@code ANTHROPIC_BASE_URL} (read by the {@code anthropic} SDK lm-eval uses) plus
   * {@code /v1/complete}; else the backend's default.
   */
  private static String defaultBaseUrl(BackendKind kind, Map<String, String> env) {
    if (kind == BackendKind.AZURE_OPENAI_CHAT_COMPLETIONS) {
      return env.get(AZURE_ENDPOINT_VARIABLE);
    }
    if (kind == BackendKind.ANTHROPIC_COMPLETIONS) {
      String root = env.get("ANTHROPIC_BASE_URL");
      if (root != null && !root.isBlank()) {
        return stripSlash(root.strip()) + "/v1/complete";
      }
    }
    return kind.defaultBaseUrl;
  }

  /**
   * lm-eval's {@code f"{base_url}/openai/deployments/{model}/chat/completions?api-version={api_version}"} (a
   * trailing slash of the endpoint is dropped rather than doubled).
   */
  static String azureUrl(String endpoint, String deployment, String apiVersion) {
    return stripSlash(endpoint) + "/openai/deployments/" + deployment + "/chat/completions?api-version=" + apiVersion;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String checkUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || uri.getHost() == null) {
        throw new URISyntaxException(url, "not an http(s) URL with a host");
      }
      return url;
    } catch (URISyntaxException e) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg 'base_url': '" + url + "' is not an http(s) "
          + "URL (expected e.g. http://127.0.0.1:8000/v1/completions)");
    }
  }

  private static int positive(Options args, String key, int dflt) {
    int v = args.intValue(key, dflt);
    if (v < 1) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg '" + key + "' must be at least 1, got " + v);
    }
    return v;
  }

  private static int batchSize(Options args) {
    Optional<Object> v = args.value("batch_size");
    if (v.isPresent() && v.get() instanceof String s && s.strip().startsWith("auto")) {
      LOG.log(System.Logger.Level.WARNING, "batch_size auto is not supported by API models; using 1");
      return 1;
    }
    return positive(args, "batch_size", 1);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> header(Options args) {
    Optional<Object> v = args.value("header");
    if (v.isEmpty()) {
      return null;
    }
    Object o = v.get();
    if (o instanceof String s) {
      try {
        JsonNode n = new ObjectMapper().readTree(s);
        if (n != null && n.isObject()) {
          Map<String, String> m = new LinkedHashMap<>();
          n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
          return m;
        }
      } catch (IOException e) {
        // reported below
      }
    } else if (o instanceof Map<?, ?> map) {
      Map<String, String> m = new LinkedHashMap<>();
      ((Map<Object, Object>) map).forEach((k, val) -> m.put(String.valueOf(k), String.valueOf(val)));
      return m;
    }
    throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg 'header' must be a JSON object of header names "
        + "and values (give --model_args as JSON), e.g. {\"header\": {\"Authorization\": \"Bearer ...\"}}");
  }
}
