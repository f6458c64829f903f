package org.lmeval.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.lmeval.api.Options;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.ModelBackend;
import org.lmeval.api.model.ModelContext;
import org.lmeval.cli.args.FlagValues;
import org.lmeval.cli.args.KeyValueArgs;
import org.lmeval.platform.Kernel;
import org.lmeval.platform.util.Suggestions;
import org.lmeval.server.FaultPlan;
import org.lmeval.server.OpenAiCompatibleServer;
import org.lmeval.server.ServerTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lm-eval serve}: an OpenAI-compatible server ({@link OpenAiCompatibleServer}) in front of any model backend,
 * opened as {@code run} opens it (the kernel's registry, behind the plugin boundary), with an optional
 * fault-injecting mode. Prints the endpoints, then serves until interrupted (Ctrl-C).
 */
@Command(name = "serve", separator = " ", sortOptions = false, usageHelpWidth = 100,
    customSynopsis = {"lm-eval serve --model <model> [--model_args <arg=value> ...] [--host <host>] [--port <port>] "
        + "[options]"},
    description = {"Serve a model over OpenAI's completions and chat completions APIs (plus Anthropic's messages, "
        + "TextSynth's and vLLM's tokenizer endpoints), for tests and demos of the HTTP backends. Serves until "
        + "Ctrl-C."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  lm-eval serve --model dummy --port 0",
        "  lm-eval serve --model djl --model_args pretrained=models/stories260K/hf --port 8000",
        "  lm-eval serve --model dummy --latency_ms 200 --fault rate_limit,server_error",
        "  lm-eval serve --model dummy --fault reset --fault_every 10",
        "",
        "Then: lm-eval --model local-completions --model_args model=<name>,base_url=<completions URL>,"
            + "tokenizer=<dir>,tokenizer_backend=huggingface --tasks arc_easy",
        "See docs/cli.md#lm-eval-serve."})
final class ServeCommand implements Callable<Integer> {
  /** The fault names of {@code --fault}, as {@link FaultPlan.Fault}s. */
  static final Map<String, FaultPlan.Fault> FAULTS = faults();

  private final CliContext context;
  private final CountDownLatch stopped = new CountDownLatch(1);

  @Option(names = {"--model", "-M"}, paramLabel = "<model>", required = true,
      description = "Model backend name, as in 'run'. 'lm-eval ls models' lists them. Required.")
  String model;

  @Option(names = {"--model_args", "-a"}, paramLabel = "<arg>", arity = "1..*",
      parameterConsumer = VarargsConsumer.class,
      description = "Model arguments, as in 'run': 'key=val,key2=val2', several 'key=val' tokens, or one JSON "
          + "object (default: none).")
  List<List<String>> modelArgs = new ArrayList<>();

  @Option(names = "--host", paramLabel = "<host>",
      description = "Address to listen on; 0.0.0.0 for every interface (default: 127.0.0.1).")
  String host = "127.0.0.1";

  @Option(names = "--port", paramLabel = "<port>",
      description = "Port to listen on; 0 picks a free one (default: 8000).")
  String port = "8000";

  @Option(names = "--model_name", paramLabel = "<name>",
      description = "The model name requests must carry ('model' in the JSON body; others get 404) (default: the "
          + "'pretrained' model arg, else the --model name).")
  String modelName;

  @Option(names = "--tokenizer", paramLabel = "<tokenizer>",
      description = "How prompts split into tokens: a tokenizer.json or its folder (token ids of the model's own "
          + "tokenizer, as clients with tokenizer_backend=huggingface send), 'characters' or 'words' (default: "
          + "the 'tokenizer' or 'pretrained' model arg when it holds a tokenizer.json, else characters).")
  String tokenizer;

  @Option(names = "--scoring", paramLabel = "prefix|token",
      description = "How prompt tokens get log-probabilities: prefix (token i = loglikelihood of the text up to i "
          + "minus that of the text before it, so spans add up to the model's own loglikelihood whatever its "
          + "tokenizer; two model requests per token) or token (loglikelihood(text before i, text of i)) "
          + "(default: prefix).")
  String scoring = "prefix";

  @Option(names = "--api_key", paramLabel = "<key>",
      description = "Require 'Authorization: Bearer <key>' (or x-api-key); 401 otherwise (default: no key).")
  String apiKey;

  @Option(names = "--thread_safe_model",
      description = "Let requests call the model concurrently (only for models that allow it, such as dummy); "
          + "by default calls are serialised.")
  boolean threadSafeModel;

  @Option(names = "--latency_ms", paramLabel = "<ms>",
      description = "Delay before every model answer, in milliseconds (default: 0).")
  String latencyMs;

  @Option(names = "--fault", paramLabel = "<fault>", arity = "1..*", parameterConsumer = VarargsConsumer.class,
      description = "Faults to inject, comma or space separated: rate_limit (429 with Retry-After), server_error "
          + "(500), reset (TCP reset), truncated (half the body), malformed (not JSON), hang (--hang_ms, then the "
          + "answer). Attempt k of each distinct request gets the k-th fault, so clients that retry succeed; "
          + "with --fault_every, every n-th request gets the (one) fault instead (default: none).")
  List<List<String>> fault = new ArrayList<>();

  @Option(names = "--fault_every", paramLabel = "<n>",
      description = "Inject the --fault into every n-th model request instead (default: off).")
  String faultEvery;

  @Option(names = "--retry_after_ms", paramLabel = "<ms>",
      description = "Retry-After of rate_limit answers, in milliseconds (default: 50).")
  String retryAfterMs;

  @Option(names = "--hang_ms", paramLabel = "<ms>",
      description = "How long a hang fault waits, in milliseconds (default: 2000).")
  String hangMs;

  @Mixin
  KernelOptions kernelOptions = new KernelOptions();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  ServeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Map<String, Object> args = modelArgs.isEmpty() ? new LinkedHashMap<>()
        : new LinkedHashMap<>(KeyValueArgs.mergeAll("--model_args", modelArgs, context::warn));
    int portNumber = FlagValues.integer("--port", port);
    if (portNumber < 0 || portNumber > 65535) {
      throw CliException.usage("argument --port: must be 0 to 65535, got " + port);
    }
    if (!scoring.equals("prefix") && !scoring.equals("token")) {
      throw CliException.usage("argument --scoring: invalid choice '" + scoring + "' (choose from prefix, token)");
    }
    FaultPlan faults = faultPlan();
    Duration latency = Duration.ofMillis(nonNegative("--latency_ms", latencyMs, 0));
    ServerTokenizer split = tokenizer(args);
    String name = modelName != null ? modelName : args.containsKey("pretrained")
        ? String.valueOf(args.get("pretrained")) : model;
    try (Kernel kernel = kernelOptions.start(context.env());
        LanguageModel opened = open(kernel, args)) {
      OpenAiCompatibleServer.Builder builder = OpenAiCompatibleServer.builder(opened).modelName(name)
          .tokenizer(split).faults(faults).latency(latency).host(host).port(portNumber);
      if (apiKey != null) {
        builder.apiKey(apiKey);
      }
      if (threadSafeModel) {
        builder.threadSafeModel();
      }
      if (scoring.equals("prefix")) {
        builder.scoreByPrefix();
      }
      try (OpenAiCompatibleServer server = start(builder)) {
        banner(server, split, faults, latency);
        Thread serving = Thread.currentThread();
        Thread hook = new Thread(() -> {
          serving.interrupt();
          try {
            stopped.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }, "lm-eval-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
          new CountDownLatch(1).await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          try {
            Runtime.getRuntime().removeShutdownHook(hook);
          } catch (IllegalStateException shuttingDown) {
            // the hook is running: it waits for 'stopped'
          }
        }
        context.out().println("Stopped after " + server.requests() + " requests"
            + (faults.injected() > 0 ? " (" + faults.injected() + " faults injected)" : "") + ".");
        context.out().flush();
      }
    } finally {
      stopped.countDown();
    }
    return ExitCodes.OK;
  }

  private LanguageModel open(Kernel kernel, Map<String, Object> args) {
    ModelBackend backend = kernel.registry().modelBackends().get(model);
    Map<String, String> env = new TreeMap<>();
    for (String variable : backend.environmentVariables()) {
      context.env().getenv(variable).ifPresent(value -> env.put(variable, value));
    }
    return backend.open(Options.of("model arg", args), new ModelContext(env));
  }

  private OpenAiCompatibleServer start(OpenAiCompatibleServer.Builder builder) {
    try {
      return builder.start();
    } catch (java.io.UncheckedIOException e) {
      throw CliException.config("cannot listen on " + host + ":" + port + ": " + e.getCause().getMessage()
          + " (is the port in use? --port 0 picks a free one)");
    }
  }

  private void banner(OpenAiCompatibleServer server, ServerTokenizer split, FaultPlan faults, Duration latency) {
    var out = context.out();
    out.println("lm-eval serve: model '" + model + "' served as '" + server.modelName() + "', tokenizer: "
        + split.name() + ", scoring: " + scoring);
    out.println("  completions:      " + server.completionsUrl());
    out.println("  chat completions: " + server.chatCompletionsUrl());
    out.println("  messages:         " + server.messagesUrl());
    out.println("  models, health:   " + server.root() + "/v1/models, " + server.root() + "/health");
    if (!latency.isZero() || !fault.isEmpty()) {
      out.println("  faults:           latency " + latency.toMillis() + " ms" + (fault.isEmpty() ? ""
          : ", " + String.join(",", faultNames()) + (faultEvery == null ? " on the first attempts of each request"
          : " on every " + faultEvery + "th request")));
    }
    out.println("Serving until Ctrl-C.");
    out.flush();
  }

  private ServerTokenizer tokenizer(Map<String, Object> args) {
    String chosen = tokenizer;
    if (chosen == null) {
      for (String key : List.of("tokenizer", "pretrained")) {
        Object value = args.get(key);
        if (value != null) {
          Path p = context.env().resolve(String.valueOf(value));
          if (Files.isRegularFile(p.resolve("tokenizer.json")) || (Files.isRegularFile(p)
              && p.getFileName().toString().endsWith(".json"))) {
            chosen = p.toString();
            break;
          }
        }
      }
    }
    if (chosen == null) {
      return ServerTokenizer.characters();
    }
    try {
      return ServerTokenizer.named(chosen.equals("characters") || chosen.equals("words") ? chosen
          : context.env().resolve(chosen).toString());
    } catch (IllegalArgumentException e) {
      throw CliException.usage("argument --tokenizer: " + e.getMessage());
    }
  }

  private FaultPlan faultPlan() {
    List<String> names = faultNames();
    List<FaultPlan.Fault> kinds = new ArrayList<>();
    for (String n : names) {
      FaultPlan.Fault f = FAULTS.get(n);
      if (f == null) {
        List<String> close = Suggestions.closest(n, FAULTS.keySet(), 1);
        throw CliException.usage("argument --fault: unknown fault '" + n + "'" + (close.isEmpty() ? "" : "; did you "
            + "mean '" + close.get(0) + "'?") + " (choose from " + String.join(", ", FAULTS.keySet()) + ")");
      }
      kinds.add(f);
    }
    FaultPlan plan;
    if (faultEvery != null) {
      int n = FlagValues.integer("--fault_every", faultEvery);
      if (n < 1 || kinds.size() != 1) {
        throw CliException.usage("argument --fault_every: needs n >= 1 and exactly one --fault, got n=" + faultEvery
            + " and " + kinds.size() + " faults");
      }
      plan = FaultPlan.everyNth(n, kinds.get(0));
    } else {
      plan = kinds.isEmpty() ? FaultPlan.none() : FaultPlan.firstAttempts(kinds.toArray(FaultPlan.Fault[]::new));
    }
    if (retryAfterMs != null) {
      plan = plan.withRetryAfter(Duration.ofMillis(nonNegative("--retry_after_ms", retryAfterMs, 50)));
    }
    if (hangMs != null) {
      plan = plan.withHang(Duration.ofMillis(nonNegative("--hang_ms", hangMs, 2000)));
    }
    return plan;
  }

  private List<String> faultNames() {
    List<String> names = new ArrayList<>();
    for (List<String> occurrence : fault) {
      for (String token : occurrence) {
        Arrays.stream(token.split(",")).map(String::strip).filter(s -> !s.isEmpty())
            .map(s -> s.toLowerCase(Locale.ROOT)).forEach(names::add);
      }
    }
    return names;
  }

  private static int nonNegative(String flag, String text, int fallback) {
    if (text == null) {
      return fallback;
    }
    int v = FlagValues.integer(flag, text);
    if (v < 0) {
      throw CliException.usage("argument " + flag + ": must be >= 0, got " + text);
    }
    return v;
  }

  private static Map<String, FaultPlan.Fault> faults() {
    Map<String, FaultPlan.Fault> m = new LinkedHashMap<>();
    for (FaultPlan.Fault f : FaultPlan.Fault.values()) {
      if (f != FaultPlan.Fault.NONE) {
        m.put(f.name().toLowerCase(Locale.ROOT), f);
      }
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
