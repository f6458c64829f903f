package org.lmeval.plugin.http;

import java.util.Set;
import okhttp3.OkHttpClient;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.ModelBackend;
import org.lmeval.api.model.HubSnapshots;
import org.lmeval.api.model.ModelContext;
import org.lmeval.plugin.http.client.HttpClients;
import org.lmeval.plugin.http.client.RequestPool;
import org.lmeval.plugin.http.client.RetryPolicy;
import org.lmeval.plugin.http.tokenizer.HuggingFaceTokenizer;
import org.lmeval.plugin.http.tokenizer.RemoteTokenizer;
import org.lmeval.plugin.http.tiktoken.TiktokenTokenizer;
import org.lmeval.plugin.http.tokenizer.Tokenizer;

/**
 * One lm-eval API model name ({@code local-completions}, ...). Cheap to construct; {@link #open} reads the model
 * args, builds the HTTP client and, for completions endpoints, the tokenizer.
 */
final class HttpModelBackend implements ModelBackend {
  private static final System.Logger LOG = System.getLogger("org.lmeval.plugin.http");

  /** lm-eval's placeholder for a null answer. */
  static final String NONE_ANSWER_VARIABLE = "LMEVAL_MODEL_NONE_ANSWER_PLACEHOLDER";

  private final BackendKind kind;

  HttpModelBackend(BackendKind kind) {
    this.kind = kind;
  }

  @Override
  public Set<String> environmentVariables() {
    Set<String> names = new java.util.LinkedHashSet<>();
    names.add(NONE_ANSWER_VARIABLE);
    if (kind.apiKeyVariable != null) {
      names.add(kind.apiKeyVariable);
    }
    names.addAll(kind.otherVariables);
    return java.util.Collections.unmodifiableSet(names);
  }

  @Override
  public String name() {
    return kind.modelName;
  }

  @Override
  public String description() {
    return kind.description;
  }

  @Override
  public LanguageModel open(Options modelArgs) {
    return open(modelArgs, ModelContext.empty());
  }

  @Override
  public LanguageModel open(Options modelArgs, ModelContext context) {
    HttpSettings settings = HttpSettings.read(kind, modelArgs, context.environment());
    RetryPolicy retry = new RetryPolicy(settings.maxRetries(), settings.retryBaseDelay(), settings.retryMaxDelay(),
        30);
    OkHttpClient client = HttpClients.create(settings.numConcurrent(), settings.timeout(),
        settings.verifyCertificate(), settings.caCertPath());
    String credentials = kind.apiKeyVariable == null ? "give the credentials with model arg header or api_key"
        : "set " + kind.apiKeyVariable + " (or model arg api_key, or header)"
            + (kind == BackendKind.AZURE_OPENAI_CHAT_COMPLETIONS ? "; an Azure API key (rather than an Entra ID "
                + "token) goes in the api-key header: model arg azure_auth=api-key" : "");
    String notFound = "is model '" + settings.model() + "' served there, and is base_url right? ("
        + (kind.api == BackendKind.Api.GGUF || kind.api == BackendKind.Api.TEXTSYNTH ? "the server root"
            : kind == BackendKind.AZURE_OPENAI_CHAT_COMPLETIONS ? "the resource endpoint, e.g. "
                + "https://<resource>.openai.azure.com, with model = the deployment name"
            : kind == BackendKind.ANTHROPIC_COMPLETIONS ? "the full endpoint URL, e.g. https://api.anthropic.com/v1/complete"
            : "the full endpoint URL, e.g. http://host:8000/v1/" + (kind.chat() ? "chat/completions" : "completions"))
        + ")";
    RequestPool pool = new RequestPool(client, settings.baseUrls(), settings.headers(), settings.numConcurrent(),
        retry, new RequestPool.Hints(kind.modelName, credentials, notFound));
    try {
      return switch (kind.api) {
        case COMPLETIONS -> completions(settings, pool, modelArgs.string("revision").orElse(null), context.hub());
        case CHAT, ANTHROPIC -> new ChatLanguageModel(kind, settings, pool);
        case ANTHROPIC_COMPLETIONS -> new AnthropicCompletionsLanguageModel(settings, pool,
            AnthropicCompletionsLanguageModel.Defaults.read(modelArgs));
        case TEXTSYNTH -> new TextSynthLanguageModel(settings, pool);
        case GGUF -> new GgufLanguageModel(kind, settings, pool);
      };
    } catch (RuntimeException | Error e) {
      pool.close();
      throw e;
    }
  }

  private LanguageModel completions(HttpSettings settings, RequestPool pool, String revision, HubSnapshots hub) {
    String backend = settings.tokenizerBackend();
    Tokenizer tokenizer = null;
    String reason = null;
    if (backend == null) {
      reason = "tokenizer_backend=none";
    } else if (settings.tokenizer() != null) {
      tokenizer = HuggingFaceTokenizer.load(settings.tokenizer(), "tokenizer", revision, hub);
    } else {
      switch (backend) {
        case "remote" -> tokenizer = RemoteTokenizer.open(pool, settings.baseUrls().get(0));
        case "huggingface" -> tokenizer = HuggingFaceTokenizer.load(requireModel(settings), "model", revision, hub);
        case "tiktoken" -> tokenizer = tiktoken(settings);
        case "auto" -> {
          if (RemoteTokenizer.supported(pool)) {
            tokenizer = RemoteTokenizer.open(pool, settings.baseUrls().get(0));
          } else if (settings.model() == null) {
            reason = "the server serves no /tokenize and no model or tokenizer arg names a tokenizer";
          } else {
            try {
              tokenizer = HuggingFaceTokenizer.load(settings.model(), "model", revision, hub);
            } catch (EvalException e) {
              reason = "the server serves no /tokenize and " + e.getMessage();
            }
          }
        }
        default -> throw new IllegalStateException(backend);
      }
    }
    HttpSettings effective = settings;
    if (tokenizer == null && settings.tokenizedRequests()) {
      LOG.log(backend == null ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING, kind.modelName
          + ": no tokenizer (" + reason + "); sending text prompts (tokenized_requests=False), log-likelihoods are off");
      effective = new HttpSettings(settings.model(), settings.baseUrls(), settings.tokenizer(),
          settings.tokenizerBackend(), false, settings.numConcurrent(), settings.maxRetries(), settings.maxGenToks(),
          settings.batchSize(), settings.seed(), settings.maxLength(), settings.addBosToken(),
          settings.customPrefixTokenId(), settings.eosString(), settings.timeout(), settings.headers(),
          settings.verifyCertificate(), settings.caCertPath(), settings.thinkEndToken(), settings.engine(),
          settings.retryBaseDelay(), settings.retryMaxDelay(), settings.probeEcho(), settings.noneAnswer());
    }
    return new CompletionsLanguageModel(kind, effective, pool, tokenizer, reason);
  }

  /** lm-eval: {@code tiktoken.encoding_for_model(model)}, with a warning when base_url is not OpenAI's. */
  private TiktokenTokenizer tiktoken(HttpSettings settings) {
    TiktokenTokenizer t = TiktokenTokenizer.forModel(settings.model());
    if (!settings.baseUrls().get(0).contains("openai")) {
      LOG.log(System.Logger.Level.WARNING, kind.modelName + ": base_url " + settings.baseUrls().get(0) + " with the "
          + "(OpenAI) tiktoken tokenizer backend; give tokenizer_backend=huggingface and the tokenizer if the model "
          + "does not use tiktoken");
    }
    return t;
  }

  private String requireModel(HttpSettings settings) {
    if (settings.model() == null) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model '" + kind.modelName + "' with "
          + "tokenizer_backend=huggingface needs model arg tokenizer (a tokenizer.json path) or model");
    }
    return settings.model();
  }
}
