package org.lmeval.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ApiVersion;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.Plugin;
import org.lmeval.api.cache.ResponseCache;
import org.lmeval.api.cache.ResponseCacheFactory;
import org.lmeval.api.dataset.DatasetProvider;
import org.lmeval.api.dataset.DatasetRequest;
import org.lmeval.api.filter.Filter;
import org.lmeval.api.filter.FilterFactory;
import org.lmeval.api.metric.Aggregation;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.MetricFactory;
import org.lmeval.api.metric.Score;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.ModelBackend;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;
import org.lmeval.api.task.DocTransform;
import org.lmeval.api.task.TaskSource;
import org.lmeval.platform.plugin.Origin;
import org.lmeval.platform.plugin.PluginLoad;
import org.lmeval.platform.plugin.PluginRegistry;

/** Every call into a plugin: TCCL, failure translation, result validation, unread options. */
class BoundaryTest {
  private final URLClassLoader pluginLoader = new URLClassLoader("test-plugin", new URL[0],
      ClassLoader.getPlatformClassLoader());
  private final PluginRegistry registry = new PluginRegistry(List::of);

  @AfterEach
  void closeLoader() throws IOException {
    pluginLoader.close();
  }

  private List<String> install(Plugin plugin) {
    return registry.install(new PluginLoad.Loaded(new Origin("p", "1.0", "p.jar"), "1.0", pluginLoader,
        List.of(plugin), List.of()));
  }

  /** A model whose loglikelihood answer is computed by {@code answer}; generations echo the TCCL's name. */
  private static ModelBackend backend(String name, Function<List<LoglikelihoodRequest>, List<LoglikelihoodResult>>
      answer, Set<RequestType> supported, AtomicReference<ClassLoader> seenTccl) {
    return new ModelBackend() {
      public String name() {
        return name;
      }

      public LanguageModel open(Options args) {
        args.string("pretrained");
        seenTccl.set(Thread.currentThread().getContextClassLoader());
        return new LanguageModel() {
          public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
            seenTccl.set(Thread.currentThread().getContextClassLoader());
            return answer.apply(batch);
          }

          public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
            return batch.stream().map(r -> new RollingResult(-1)).toList();
          }

          public List<String> generateUntil(List<GenerationRequest> batch) {
            return batch.stream().map(r -> Thread.currentThread().getContextClassLoader().getName()).toList();
          }

          public Set<RequestType> supportedRequests() {
            return supported;
          }
        };
      }
    };
  }

  private LanguageModel open(Function<List<LoglikelihoodRequest>, List<LoglikelihoodResult>> answer) {
    install(new Plugin() {
      public Collection<ModelBackend> modelBackends() {
        return List.of(backend("m", answer, EnumSet.allOf(RequestType.class), new AtomicReference<>()));
      }
    });
    return registry.modelBackends().get("m").open(Options.empty());
  }

  private static List<LoglikelihoodRequest> batch(int n) {
    List<LoglikelihoodRequest> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      batch.add(new LoglikelihoodRequest("ctx " + i, " c" + i));
    }
    return batch;
  }

  @Test
  void callsRunWithThePluginLoaderAsTcclAndRestoreIt() {
    AtomicReference<ClassLoader> seen = new AtomicReference<>();
    install(new Plugin() {
      public Collection<ModelBackend> modelBackends() {
        return List.of(backend("m", b -> b.stream().map(r -> new LoglikelihoodResult(-1, false)).toList(),
            EnumSet.allOf(RequestType.class), seen));
      }
    });
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    LanguageModel model = registry.modelBackends().get("m").open(Options.empty());
    assertSame(pluginLoader, seen.get());
    seen.set(null);
    model.loglikelihood(batch(2));
    assertSame(pluginLoader, seen.get());
    assertEquals(List.of("test-plugin"), model.generateUntil(List.of(new GenerationRequest("x",
        GenerationParams.greedy(List.of())))));
    assertSame(before, Thread.currentThread().getContextClassLoader());
  }

  @Test
  void runtimeExceptionBecomesBackendFailureNamingBackendPluginAndBatch() {
    LanguageModel model = open(b -> {
      throw new IllegalStateException("GPU on fire");
    });
    EvalException e = assertThrows(EvalException.class, () -> model.loglikelihood(batch(32)));
    assertEquals(ErrorCode.BACKEND_FAILURE, e.code());
    assertEquals("model backend 'm' (plugin p 1.0) failed on a loglikelihood batch of 32: IllegalStateException: "
        + "GPU on fire", e.getMessage());
    assertInstanceOf(IllegalStateException.class, e.getCause());
  }

  @Test
  void evalExceptionPassesThroughWithThePluginIdPrepended() {
    LanguageModel model = open(b -> {
      throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "server at 127.0.0.1:1 refused the connection");
    });
    EvalException e = assertThrows(EvalException.class, () -> model.loglikelihood(batch(1)));
    assertEquals(ErrorCode.BACKEND_UNAVAILABLE, e.code());
    assertEquals("plugin p: server at 127.0.0.1:1 refused the connection", e.getMessage());
  }

  @Test
  void linkageErrorIsPluginIncompatible() {
    LanguageModel model = open(b -> {
      throw new NoSuchMethodError("'java.lang.String org.lmeval.api.Options.secret(java.lang.String)'");
    });
    EvalException e = assertThrows(EvalException.class, () -> model.loglikelihood(batch(3)));
    assertEquals(ErrorCode.PLUGIN_INCOMPATIBLE, e.code());
    assertEquals("plugin p 1.0 was built for api 1.0, runtime api is " + ApiVersion.current() + " (NoSuchMethodError: 'java.lang.String "
        + "org.lmeval.api.Options.secret(java.lang.String)'); model backend 'm' failed on a loglikelihood batch of 3",
        e.getMessage());
  }

  @Test
  void virtualMachineErrorsAreRethrown() {
    LanguageModel model = open(b -> {
      throw new OutOfMemoryError("test heap");
    });
    OutOfMemoryError e = assertThrows(OutOfMemoryError.class, () -> model.loglikelihood(batch(1)));
    assertEquals("test heap", e.getMessage());
  }

  @Test
  void resultsAreValidated() {
    assertInvalid(b -> List.of(new LoglikelihoodResult(-1, false)), batch(2),
        "model backend 'm' (plugin p 1.0) returned an invalid result for a loglikelihood batch of 2: 1 results for 2 "
            + "requests; results MUST have the batch's size and order");
    List<LoglikelihoodResult> withNull = new ArrayList<>();
    withNull.add(new LoglikelihoodResult(-1, false));
    withNull.add(null);
    assertInvalid(b -> withNull, batch(2), "model backend 'm' (plugin p 1.0) returned an invalid result for a "
        + "loglikelihood batch of 2: result 1 is null");
    assertInvalid(b -> List.of(new LoglikelihoodResult(0.5, true)), batch(1), "model backend 'm' (plugin p 1.0) "
        + "returned an invalid result for a loglikelihood batch of 1: result 0 has logprob 0.5 (context 'ctx 0', "
        + "continuation ' c0'); log-probabilities MUST be finite and <= 0");
    assertInvalid(b -> List.of(new LoglikelihoodResult(Double.NaN, true)), batch(1), "model backend 'm' (plugin p "
        + "1.0) returned an invalid result for a loglikelihood batch of 1: result 0 has logprob NaN (context 'ctx 0', "
        + "continuation ' c0'); log-probabilities MUST be finite and <= 0");
    assertInvalid(b -> null, batch(1), "model backend 'm' (plugin p 1.0) returned an invalid result for a "
        + "loglikelihood batch of 1: the list is null");
  }

  private void assertInvalid(Function<List<LoglikelihoodRequest>, List<LoglikelihoodResult>> answer,
      List<LoglikelihoodRequest> batch, String message) {
    PluginRegistry fresh = new PluginRegistry(List::of);
    fresh.install(new PluginLoad.Loaded(new Origin("p", "1.0", "p.jar"), "1.0", pluginLoader,
        List.of(new Plugin() {
          public Collection<ModelBackend> modelBackends() {
            return List.of(backend("m", answer, EnumSet.allOf(RequestType.class), new AtomicReference<>()));
          }
        }), List.of()));
    LanguageModel model = fresh.modelBackends().get("m").open(Options.empty());
    EvalException e = assertThrows(EvalException.class, () -> model.loglikelihood(batch));
    assertEquals(ErrorCode.BACKEND_FAILURE, e.code());
    assertEquals(message, e.getMessage());
  }

  @Test
  void emptyBatchNeverReachesThePlugin() {
    LanguageModel model = open(b -> {
      throw new AssertionError("called with an empty batch");
    });
    assertEquals(List.of(), model.loglikelihood(List.of()));
  }

  @Test
  void unsupportedRequestTypeIsRefusedBeforeCallingThePlugin() {
    install(new Plugin() {
      public Collection<ModelBackend> modelBackends() {
        return List.of(backend("gen-only", b -> {
          throw new AssertionError("must not be called");
        }, EnumSet.of(RequestType.GENERATE_UNTIL), new AtomicReference<>()));
      }
    });
    LanguageModel model = registry.modelBackends().get("gen-only").open(Options.empty());
    EvalException e = assertThrows(EvalException.class, () -> model.loglikelihood(batch(1)));
    assertEquals(ErrorCode.UNSUPPORTED_REQUEST, e.code());
    assertEquals("model backend 'gen-only' (plugin p 1.0) does not support loglikelihood requests; it supports: "
        + "generate_until", e.getMessage());
  }

  @Test
  void unreadModelArgsAreRejectedWithASuggestionButKernelArgsAreExempt() {
    LanguageModel ok = open(b -> List.of());
    ok.close();
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("pretraned", "gpt2");
    args.put("batch_size", 8);
    args.put("max_batch_size", 64);
    args.put("device", "cpu");
    args.put("random_seed", 1234);
    EvalException e = assertThrows(EvalException.class,
        () -> registry.modelBackends().get("m").open(Options.of("model arg", args)));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertEquals("unknown model arg 'pretraned' for model 'm'; did you mean 'pretrained'?", e.getMessage());
    Map<String, Object> kernelOnly = new LinkedHashMap<>(args);
    kernelOnly.remove("pretraned");
    registry.modelBackends().get("m").open(Options.of("model arg", kernelOnly)).close();
  }

  private static final class Kwargs implements MetricFactory {
    public String name() {
      return "strict_kw";
    }

    public boolean higherIsBetter() {
      return true;
    }

    public String defaultAggregation() {
      return "mean";
    }

    public Metric create(Options kwargs) {
      kwargs.bool("ignore_case", false);
      return (Metric.PerSample) s -> null;
    }

    /** The filter half; FilterFactory#create would clash with MetricFactory#create. */
    Filter filter(Options kwargs) {
      kwargs.string("regex_pattern");
      return (responses, docs) -> responses.subList(0, Math.max(0, responses.size() - 1));
    }
  }

  @Test
  void metricsAndFiltersRejectUnreadKwargsAndValidateOutput() {
    Kwargs kw = new Kwargs();
    install(new Plugin() {
      public Collection<MetricFactory> metrics() {
        return List.of(kw);
      }

      public Collection<FilterFactory> filters() {
        return List.of(new FilterFactory() {
          public String name() {
            return "drop_last";
          }

          public Filter create(Options kwargs) {
            return kw.filter(kwargs);
          }
        });
      }
    });
    EvalException metricArg = assertThrows(EvalException.class, () -> registry.metrics().get("strict_kw")
        .create(Options.of("metric kwarg", Map.of("ignore_cse", true))));
    assertEquals("unknown metric kwarg 'ignore_cse' for metric 'strict_kw'; did you mean 'ignore_case'?",
        metricArg.getMessage());
    Metric.PerSample metric = (Metric.PerSample) registry.metrics().get("strict_kw").create(Options.empty());
    EvalException nullScore = assertThrows(EvalException.class, () -> metric.score(null));
    assertEquals("metric 'strict_kw' (plugin p 1.0) returned an invalid result for score(sample): the score is null",
        nullScore.getMessage());

    EvalException filterArg = assertThrows(EvalException.class, () -> registry.filters().get("drop_last")
        .create(Options.of("option", Map.of("group_select", 0))));
    assertEquals("unknown filter kwarg 'group_select' for filter 'drop_last'; accepted: regex_pattern",
        filterArg.getMessage());
    Filter filter = registry.filters().get("drop_last").create(Options.empty());
    EvalException size = assertThrows(EvalException.class, () -> filter.apply(List.of("a", "b"), List.of()));
    assertEquals("filter 'drop_last' (plugin p 1.0) returned an invalid result for a filter over 2 responses: 1 "
        + "responses for 2 inputs; a filter MUST keep the outer size and order", size.getMessage());
  }

  @Test
  void everythingTheRegistryHandsOutIsWrapped() throws IOException {
    List<String> components = install(new Plugin() {
      public Collection<ModelBackend> modelBackends() {
        return List.of(backend("m", b -> List.of(), EnumSet.allOf(RequestType.class), new AtomicReference<>()));
      }

      public Collection<MetricFactory> metrics() {
        return List.of(new Kwargs());
      }

      public Collection<Aggregation> aggregations() {
        return List.of(new Aggregation() {
          public String name() {
            return "mean";
          }

          public double aggregate(List<Score> scores) {
            return scores.stream().mapToDouble(Score::value).average().orElseThrow();
          }
        });
      }

      public Collection<FilterFactory> filters() {
        return List.of(new FilterFactory() {
          public String name() {
            return "identity";
          }

          public Filter create(Options kwargs) {
            return (r, d) -> r;
          }
        });
      }

      public Collection<DocTransform> docTransforms() {
        return List.of(new DocTransform() {
          public String name() {
            return "demo.utils.process_docs";
          }

          public List<Map<String, Object>> apply(List<Map<String, Object>> docs) {
            List<Map<String, Object>> out = new ArrayList<>(docs);
            out.add(null);
            return out;
          }
        });
      }

      public Collection<DatasetProvider> datasetProviders() {
        return List.of(new DatasetProvider() {
          public String name() {
            return "always-empty";
          }

          public Optional<List<Map<String, Object>>> load(DatasetRequest request) {
            throw new IllegalArgumentException("no such split");
          }
        });
      }

      public Collection<TaskSource> taskSources() {
        return List.of(new TaskSource() {
          public String id() {
            return "demo-tasks";
          }

          public Set<String> files() {
            return Set.of("demo.yaml");
          }

          public InputStream open(String path) throws IOException {
            if (path.equals("demo.yaml")) {
              return new ByteArrayInputStream("task: demo".getBytes());
            }
            throw new IOException("disk gone");
          }
        });
      }

      public Collection<ResponseCacheFactory> responseCaches() {
        return List.of(new ResponseCacheFactory() {
          public String name() {
            return "broken";
          }

          public ResponseCache open(Options options) {
            options.string("location");
            return new ResponseCache() {
              public Map<String, String> getAll(String namespace, Collection<String> keys) {
                throw new IllegalStateException("database locked");
              }

              public void putAll(String namespace, Map<String, String> entries) {}

              public void close() {}
            };
          }
        });
      }
    });
    assertEquals(List.of("model m", "metric strict_kw", "aggregation mean", "filter identity",
        "doc transform demo.utils.process_docs", "response cache broken", "dataset provider always-empty",
        "task source demo-tasks"), components);
    assertInstanceOf(ClassLoaderSafeModelBackend.class, registry.modelBackends().get("m"));
    assertInstanceOf(ClassLoaderSafeLanguageModel.class, registry.modelBackends().get("m").open(Options.empty()));
    assertInstanceOf(ClassLoaderSafeMetricFactory.class, registry.metrics().get("strict_kw"));
    assertInstanceOf(ClassLoaderSafeMetric.PerSample.class, registry.metrics().get("strict_kw").create(Options.empty()));
    assertInstanceOf(ClassLoaderSafeAggregation.class, registry.aggregations().get("mean"));
    assertEquals(2.0, registry.aggregations().get("mean").aggregate(List.of(Score.of(1), Score.of(3))));
    assertInstanceOf(ClassLoaderSafeFilterFactory.class, registry.filters().get("identity"));
    assertInstanceOf(ClassLoaderSafeFilter.class, registry.filters().get("identity").create(Options.empty()));
    DocTransform transform = registry.docTransforms().get("demo.utils.process_docs");
    assertInstanceOf(ClassLoaderSafeDocTransform.class, transform);
    EvalException nullDoc = assertThrows(EvalException.class, () -> transform.apply(List.of(Map.of("a", 1))));
    assertEquals(ErrorCode.INVALID_TASK, nullDoc.code());
    assertEquals("doc transform 'demo.utils.process_docs' (plugin p 1.0) returned an invalid result for process_docs "
        + "over 1 docs: doc 1 is null", nullDoc.getMessage());
    DatasetProvider provider = registry.datasetProviders().get(0);
    assertInstanceOf(ClassLoaderSafeDatasetProvider.class, provider);
    EvalException dataset = assertThrows(EvalException.class,
        () -> provider.load(new DatasetRequest("arc", "ARC-Easy", "test", Map.of(), Options.empty())));
    assertEquals("dataset provider 'always-empty' (plugin p 1.0) failed on loading arc/ARC-Easy split test: "
        + "IllegalArgumentException: no such split", dataset.getMessage());
    TaskSource source = registry.taskSources().get(0);
    assertInstanceOf(ClassLoaderSafeTaskSource.class, source);
    assertEquals(Set.of("demo.yaml"), source.files());
    try (InputStream in = source.open("demo.yaml")) {
      assertEquals("task: demo", new String(in.readAllBytes()));
    }
    IOException io = assertThrows(IOException.class, () -> source.open("other.yaml"));
    assertEquals("task source 'demo-tasks' (plugin p 1.0) failed on open('other.yaml'): disk gone", io.getMessage());
    ResponseCacheFactory caches = registry.responseCaches().get("broken");
    assertInstanceOf(ClassLoaderSafeResponseCacheFactory.class, caches);
    EvalException unknownOption = assertThrows(EvalException.class,
        () -> caches.open(Options.of("option", Map.of("locaton", "/tmp/x"))));
    assertEquals("unknown cache option 'locaton' for response cache 'broken'; did you mean 'location'?",
        unknownOption.getMessage());
    ResponseCache cache = caches.open(Options.of("option", Map.of("location", "/tmp/x")));
    assertInstanceOf(ClassLoaderSafeResponseCache.class, cache);
    EvalException cacheFailure = assertThrows(EvalException.class, () -> cache.getAll("ns", List.of("k")));
    assertEquals(ErrorCode.CACHE_FAILURE, cacheFailure.code());
    assertEquals("response cache 'broken' (plugin p 1.0) failed on getAll of 1 keys in namespace 'ns': "
        + "IllegalStateException: database locked", cacheFailure.getMessage());
  }

  @Test
  void aFailingAccessorFailsTheInstallAndRegistersNothing() {
    EvalException e = assertThrows(EvalException.class, () -> install(new Plugin() {
      public Collection<ModelBackend> modelBackends() {
        return List.of(backend("fine", b -> List.of(), EnumSet.allOf(RequestType.class), new AtomicReference<>()));
      }

      public Collection<MetricFactory> metrics() {
        throw new UnsupportedOperationException("metrics not ready");
      }
    }));
    assertEquals(ErrorCode.PLUGIN_LOAD_FAILED, e.code());
    assertTrue(e.getMessage().endsWith("failed on metrics(): UnsupportedOperationException: metrics not ready"),
        e.getMessage());
    assertTrue(registry.modelBackends().find("fine").isEmpty());
  }

  @Test
  void aNameClashInsideOnePluginIsReported() {
    EvalException e = assertThrows(EvalException.class, () -> install(new Plugin() {
      public Collection<MetricFactory> metrics() {
        return List.of(new Kwargs(), new Kwargs());
      }
    }));
    assertEquals("duplicate metric name 'strict_kw': registered twice by plugin p 1.0 (p.jar)", e.getMessage());
    assertTrue(registry.metrics().names().isEmpty());
  }

  @Test
  void invalidNamesAreRejected() {
    EvalException e = assertThrows(EvalException.class, () -> install(new Plugin() {
      public Collection<ModelBackend> modelBackends() {
        return List.of(backend("My Model", b -> List.of(), EnumSet.allOf(RequestType.class), new AtomicReference<>()));
      }
    }));
    assertEquals("model name 'My Model' from plugin p 1.0 (p.jar) is not valid: names match [A-Za-z0-9][A-Za-z0-9_.+-]*",
        e.getMessage());
  }
}
