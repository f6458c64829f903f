package org.lmeval.examples.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.ApiVersion;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.MetricFactory;
import org.lmeval.api.metric.Sample;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.platform.Kernel;
import org.lmeval.platform.KernelConfig;
import org.lmeval.platform.boundary.ClassLoaderSafeLanguageModel;
import org.lmeval.platform.boundary.ClassLoaderSafeMetricFactory;
import org.lmeval.platform.boundary.ClassLoaderSafeModelBackend;
import org.lmeval.platform.plugin.PluginClassLoader;
import org.lmeval.platform.plugin.PluginStatus;

/**
 * Takes the jars the example modules built, drops them into a temporary plugins/ folder and uses them through
 * the kernel: both in class path mode, then with the bundle hosted by Felix.
 */
class ExamplePluginsTest {
  @TempDir
  Path tmp;
  Path plugins;

  static Path builtJar(String property) {
    String value = System.getProperty(property);
    assertTrue(value != null && !value.startsWith("${"), "system property " + property + " is not set; run this "
        + "test through Maven (mvn verify), which locates the example jars");
    Path jar = Path.of(value);
    // `mvn test` stops before the package phase: Maven then resolves the example to its classes folder.
    Assumptions.assumeTrue(Files.isRegularFile(jar) && jar.toString().endsWith(".jar"), property + " is " + jar
        + ", not a built jar; run `mvn verify` (the package phase builds the example jars)");
    return jar;
  }

  @BeforeEach
  void dropJarsIntoPlugins() throws IOException {
    plugins = Files.createDirectories(tmp.resolve("plugins"));
    Files.copy(builtJar("example.metric.jar"), plugins.resolve("example-metric.jar"));
    Files.copy(builtJar("example.model.jar"), plugins.resolve("example-model-osgi.jar"));
  }

  private Kernel start(boolean osgi) {
    return Kernel.start(KernelConfig.pluginsFolder(plugins).withOsgi(osgi).withStrictPlugins(true)
        .withWorkDir(tmp.resolve("work")));
  }

  private static PluginStatus status(Kernel kernel, String id) {
    return kernel.loadReport().plugins().stream().filter(p -> p.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no plugin " + id + " in " + kernel.loadReport()));
  }

  /** A generated answer, as the kernel hands it to a metric after filtering. */
  record Answer(String response) implements Sample {
    public Map<String, Object> doc() {
      return Map.of("question", "Name a colour.");
    }

    public Object target() {
      return "red";
    }

    public List<String> choices() {
      return List.of();
    }

    public List<LoglikelihoodResult> loglikelihoods() {
      return List.of();
    }

    public OptionalDouble rollingLogprob() {
      return OptionalDouble.empty();
    }
  }

  private static void useTheMetric(Kernel kernel) {
    MetricFactory factory = kernel.registry().metrics().get("response_length");
    assertInstanceOf(ClassLoaderSafeMetricFactory.class, factory);
    assertFalse(factory.higherIsBetter());
    assertEquals("mean", factory.defaultAggregation());
    Metric.PerSample metric = (Metric.PerSample) factory.create(Options.of("metric kwarg", Map.of("strip", true)));
    assertEquals(5, metric.score(new Answer("  green\n")).value());
    assertEquals(2, metric.score(new Answer("🙂🙂")).value());
    EvalException typo = assertThrows(EvalException.class,
        () -> factory.create(Options.of("metric kwarg", Map.of("stirp", true))));
    assertEquals("unknown metric kwarg 'stirp' for metric 'response_length'; did you mean 'strip'?",
        typo.getMessage());
  }

  private static LanguageModel useTheModel(Kernel kernel) {
    LanguageModel model = kernel.registry().modelBackends().get("uniform-bytes")
        .open(Options.of("model arg", Map.of("batch_size", 4)));
    assertInstanceOf(ClassLoaderSafeLanguageModel.class, model);
    List<LoglikelihoodResult> ll = model.loglikelihood(List.of(new LoglikelihoodRequest("Q: colour?\nA:", " red"),
        new LoglikelihoodRequest("", "é")));
    assertEquals(-4 * Math.log(256), ll.get(0).logprob(), 1e-12);
    assertEquals(-2 * Math.log(256), ll.get(1).logprob(), 1e-12);
    assertFalse(ll.get(0).greedy());
    assertEquals(-3 * Math.log(256), model.loglikelihoodRolling(List.of(new RollingRequest("abc"))).get(0).logprob(),
        1e-12);
    assertEquals(List.of(""), model.generateUntil(List.of(new GenerationRequest("Q:", GenerationParams.greedy(
        List.of("\n"))))));
    EvalException arg = assertThrows(EvalException.class, () -> kernel.registry().modelBackends()
        .get("uniform-bytes").open(Options.of("model arg", Map.of("pretrained", "gpt2"))));
    assertEquals(ErrorCode.INVALID_ARGUMENT, arg.code());
    return model;
  }

  @Test
  void classpathModeLoadsBothJarsInTheirOwnClassLoaders() {
    try (Kernel kernel = start(false)) {
      PluginStatus metric = status(kernel, "example-metric");
      assertEquals(plugins.resolve("example-metric.jar").toString(), metric.source());
      assertEquals(List.of("metric response_length"), metric.components());
      assertEquals(ApiVersion.current().toString(), metric.apiVersion(), "built against this api");
      assertEquals("0.1.0-SNAPSHOT", metric.version());
      PluginStatus model = status(kernel, "example-model-osgi");
      assertEquals(plugins.resolve("example-model-osgi.jar").toString(), model.source());
      assertEquals(List.of("model uniform-bytes"), model.components());
      useTheMetric(kernel);
      useTheModel(kernel).close();
      ClassLoaderSafeModelBackend backend = (ClassLoaderSafeModelBackend) kernel.registry().modelBackends()
          .get("uniform-bytes");
      assertInstanceOf(PluginClassLoader.class, backend.delegate().getClass().getClassLoader());
    }
  }

  @Test
  void osgiModeHostsTheBundleInFelixAndTheJarInClassPathMode() {
    try (Kernel kernel = start(true)) {
      PluginStatus model = status(kernel, "example-model-osgi");
      assertEquals("osgi:org.lmeval.plugin.uniform", model.source());
      assertEquals("0.1.0.SNAPSHOT", model.version());
      assertEquals(List.of("model uniform-bytes"), model.components());
      PluginStatus metric = status(kernel, "example-metric");
      assertEquals(plugins.resolve("example-metric.jar").toString(), metric.source());
      useTheMetric(kernel);
      useTheModel(kernel).close();
      ClassLoaderSafeModelBackend backend = (ClassLoaderSafeModelBackend) kernel.registry().modelBackends()
          .get("uniform-bytes");
      ClassLoader loader = backend.delegate().getClass().getClassLoader();
      assertFalse(loader instanceof PluginClassLoader, loader.toString());
      assertTrue(loader instanceof org.osgi.framework.BundleReference, loader.toString());
      assertEquals("org.lmeval.plugin.uniform",
          ((org.osgi.framework.BundleReference) loader).getBundle().getSymbolicName());
    }
  }
}
