package org.lmeval.plugin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.EvalException;
import org.lmeval.api.cache.CacheSummary;
import org.lmeval.api.cache.ResponseCache;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;
import org.lmeval.platform.Kernel;
import org.lmeval.platform.KernelConfig;
import org.lmeval.platform.cache.ResponseCaches;
import org.lmeval.platform.eval.EvalSettings;
import org.lmeval.platform.eval.EvaluationResult;
import org.lmeval.platform.eval.Evaluator;
import org.lmeval.plugin.datasets.LocalDatasetsPlugin;
import org.lmeval.plugin.h2cache.H2CachePlugin;
import org.lmeval.plugin.metrics.MetricsPlugin;
import org.lmeval.server.ChainRuleLanguageModel;
import org.lmeval.server.OpenAiCompatibleServer;

/**
 * A run whose server fails for good after N answers (its model gives up, so every later request gets a 400) keeps
 * those N answers in the response cache ({@code --use_cache}), fails with the server's message, and a rerun against
 * a healthy server sends only the rest and gives the results of an uninterrupted run.
 */
class PartialResultsEndToEndTest {
  private static final String COMPLETIONS = "/v1/completions";
  private static final String CHAT = "/v1/chat/completions";
  private static Kernel kernel;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    kernel = Kernel.start(KernelConfig.of(new MetricsPlugin(), new LocalDatasetsPlugin(), new HttpPlugin(),
        new TestEnvironment.InProcessModels(), new H2CachePlugin()));
  }

  @AfterAll
  static void stop() {
    kernel.close();
  }

  /**
   * The chain-rule model until {@code budget} calls of {@code counted} have been served; after that every call of
   * that type throws IllegalArgumentException, which the test server answers with 400 (not retried).
   */
  static final class GivingUpModel implements LanguageModel {
    private final ChainRuleLanguageModel model = new ChainRuleLanguageModel();
    private final RequestType counted;
    private final AtomicInteger budget;

    GivingUpModel(RequestType counted, int budget) {
      this.counted = counted;
      this.budget = new AtomicInteger(budget);
    }

    void heal() {
      budget.set(Integer.MAX_VALUE);
    }

    private void spend(RequestType type) {
      if (type == counted && budget.getAndUpdate(b -> b == Integer.MAX_VALUE ? b : b - 1) <= 0) {
        throw new IllegalArgumentException("the model gave up");
      }
    }

    @Override
    public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
      spend(RequestType.LOGLIKELIHOOD);
      return model.loglikelihood(batch);
    }

    @Override
    public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
      return model.loglikelihoodRolling(batch);
    }

    @Override
    public List<String> generateUntil(List<GenerationRequest> batch) {
      spend(RequestType.GENERATE_UNTIL);
      return model.generateUntil(batch);
    }

    @Override
    public Set<RequestType> supportedRequests() {
      return model.supportedRequests();
    }
  }

  private EvaluationResult evaluate(String backend, String url, String task, int limit, String cache) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("model", "test-model");
    args.put("base_url", url);
    args.put("num_concurrent", 4);
    args.put("probe_echo", false);
    args.put("retry_base_delay", 0.005);
    args.put("retry_max_delay", 0.05);
    EvalSettings.Builder settings = EvalSettings.builder()
        .model(backend)
        .modelArgs(args)
        .tasks(List.of(task))
        .limit((double) limit)
        .includePaths(List.of(TestEnvironment.tasks()))
        .datasetDir(TestEnvironment.datasets());
    if (cache != null) {
      settings.useCache(cache);
    }
    return new Evaluator(kernel.registry()).evaluate(settings.build());
  }

  private long entries(String location) {
    try (ResponseCache cache = ResponseCaches.open(kernel.registry(), location)) {
      return cache.summary().stream().mapToLong(CacheSummary::entries).sum();
    }
  }

  private void answersBeforeTheFailureAreCachedAndTheRerunSendsTheRest(String backend, boolean chat, String task,
      int limit, RequestType counted, int budget) {
    String location = dir.resolve(task).toString();
    String path = chat ? CHAT : COMPLETIONS;
    long total;
    Map<String, Object> uninterrupted;
    try (OpenAiCompatibleServer healthy = OpenAiCompatibleServer.builder(new ChainRuleLanguageModel())
        .threadSafeModel().start()) {
      uninterrupted = TestEnvironment.scores(evaluate(backend, url(healthy, chat), task, limit, null), task);
      total = healthy.requests(path);
    }
    // one server throughout (the cache keys include base_url): failing, then healed
    GivingUpModel model = new GivingUpModel(counted, budget);
    try (OpenAiCompatibleServer server = OpenAiCompatibleServer.builder(model).threadSafeModel().start()) {
      EvalException e = assertThrows(EvalException.class, () -> evaluate(backend, url(server, chat), task, limit,
          location));
      assertTrue(e.getMessage().contains("HTTP 400") && e.getMessage().contains("the model gave up"),
          e.getMessage());
      assertEquals(budget, entries(location), "every answer received before the failure is in the cache");

      model.heal();
      long before = server.requests(path);
      Map<String, Object> resumed = TestEnvironment.scores(evaluate(backend, url(server, chat), task, limit,
          location), task);
      assertEquals(total - budget, server.requests(path) - before, "the rerun sends only what was not answered");
      assertEquals(uninterrupted, resumed, "the resumed run's results equal an uninterrupted run's");
    }
    assertEquals(total, entries(location));
  }

  private static String url(OpenAiCompatibleServer server, boolean chat) {
    return chat ? server.chatCompletionsUrl() : server.completionsUrl();
  }

  @Test
  void chatGenerationsAnsweredBeforeAFailureAreKept() {
    answersBeforeTheFailureAreCachedAndTheRerunSendsTheRest("local-chat-completions", true, "http_gen", 12,
        RequestType.GENERATE_UNTIL, 5);
  }

  @Test
  void completionsLoglikelihoodsAnsweredBeforeAFailureAreKept() {
    answersBeforeTheFailureAreCachedAndTheRerunSendsTheRest("local-completions", false, "http_arc", 10,
        RequestType.LOGLIKELIHOOD, 17);
  }

  @Test
  void rollingTextsWhoseWindowsWereAllScoredAreKept() {
    String task = "http_rolling";
    String location = dir.resolve(task).toString();
    Map<String, Object> uninterrupted;
    long total;
    try (OpenAiCompatibleServer healthy = OpenAiCompatibleServer.builder(new ChainRuleLanguageModel())
        .threadSafeModel().start()) {
      uninterrupted = TestEnvironment.scores(evaluate("local-completions", healthy.completionsUrl(), task, 4,
          null), task);
      total = healthy.requests(COMPLETIONS);
    }
    // the last two windows fail: the texts they belong to (one or two) are not kept, the others are
    GivingUpModel model = new GivingUpModel(RequestType.LOGLIKELIHOOD, (int) total - 2);
    try (OpenAiCompatibleServer server = OpenAiCompatibleServer.builder(model).threadSafeModel().start()) {
      assertThrows(EvalException.class, () -> evaluate("local-completions", server.completionsUrl(), task, 4,
          location));
      long kept = entries(location);
      assertTrue(kept >= 2 && kept < 4, "texts with every window scored are kept, the others not: " + kept);

      model.heal();
      long before = server.requests(COMPLETIONS);
      assertEquals(uninterrupted, TestEnvironment.scores(evaluate("local-completions", server.completionsUrl(),
          task, 4, location), task));
      long again = server.requests(COMPLETIONS) - before;
      assertTrue(again >= 2 && again < total, again + " requests of " + total);
    }
  }
}
