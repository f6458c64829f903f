package org.lmeval.platform.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.ApiVersion;
import org.lmeval.api.Options;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.task.TaskSource;
import org.lmeval.platform.Kernel;
import org.lmeval.platform.KernelConfig;
import org.lmeval.platform.boundary.ClassLoaderSafeModelBackend;
import org.lmeval.platform.boundary.ClassLoaderSafeTaskSource;
import org.lmeval.platform.plugin.PluginClassLoader;
import org.lmeval.platform.plugin.PluginLoad;
import org.lmeval.platform.plugin.PluginStatus;
import org.lmeval.platform.testing.PluginJars;
import org.lmeval.platform.testing.TestPlugins;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleWiring;

/** OSGi mode with a real Felix framework whose storage lives in a temporary folder. */
class FelixPluginSourceTest {
  private static final String API_IMPORTS = "org.lmeval.api;version=\"[1.0,2)\","
      + "org.lmeval.api.model;version=\"[1.0,2)\",org.lmeval.api.metric;version=\"[1.0,2)\"";

  @TempDir
  static Path shared;
  static Path classes;

  @TempDir
  Path tmp;

  @BeforeAll
  static void compile() throws IOException {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("echo.EchoPlugin", TestPlugins.modelPlugin("echo", "EchoPlugin", "osgi-model", "osgi_metric"));
    sources.put("plain.PlainPlugin", TestPlugins.modelPlugin("plain", "PlainPlugin", "plain-model", null));
    sources.put("act.ActPlugin", TestPlugins.modelPlugin("act", "ActPlugin", "act-model", null));
    sources.put("act.Activator", """
        package act;

        import org.osgi.framework.*;

        public class Activator implements BundleActivator {
          public void start(BundleContext context) {
            context.registerService(org.lmeval.api.Plugin.class, new ActPlugin(), null);
          }
          public void stop(BundleContext context) {}
        }
        """);
    classes = PluginJars.compile(shared.resolve("classes"), sources, PluginJars.locationOf(BundleActivator.class));
  }

  private static PluginJars.Builder bundle(String symbolicName, String id) {
    return PluginJars.jar().header("Bundle-ManifestVersion", "2").header("Bundle-SymbolicName", symbolicName)
        .header("Bundle-Version", "1.2.0").header("LmEval-Plugin-Id", id).header("LmEval-Api-Version", "1.0");
  }

  private static Path echoBundle(Path plugins) throws IOException {
    return bundle("test.osgi.echo", "osgi-echo").header("Import-Package", API_IMPORTS).service("echo.EchoPlugin")
        .classes(classes, "echo/").write(plugins.resolve("osgi-echo.jar"));
  }

  private Kernel startOsgi(Path plugins) {
    return Kernel.start(KernelConfig.pluginsFolder(plugins).withOsgi(true).withWorkDir(tmp.resolve("work")));
  }

  private static PluginStatus status(Kernel kernel, String id) {
    return kernel.loadReport().plugins().stream().filter(p -> p.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no status for " + id + " in " + kernel.loadReport()));
  }

  @Test
  void bundleIsHostedByFelixAndReachesTheRegistry() throws IOException {
    Path plugins = Files.createDirectories(tmp.resolve("plugins"));
    echoBundle(plugins);
    PluginJars.jar().plugin("plain", "1.0", "0.5").service("plain.PlainPlugin").classes(classes, "plain/")
        .write(plugins.resolve("plain.jar"));
    try (Kernel kernel = startOsgi(plugins)) {
      PluginStatus echo = status(kernel, "osgi-echo");
      assertTrue(echo.loaded(), echo.toString());
      assertEquals("osgi:test.osgi.echo", echo.source());
      assertEquals("1.2.0", echo.version());
      assertEquals(List.of("model osgi-model", "metric osgi_metric"), echo.components());
      var backend = (ClassLoaderSafeModelBackend) kernel.registry().modelBackends().get("osgi-model");
      ClassLoader loader = backend.delegate().getClass().getClassLoader();
      assertInstanceOf(BundleWiring.class, ((org.osgi.framework.BundleReference) loader).getBundle()
          .adapt(BundleWiring.class));
      var model = backend.open(Options.of("model arg", Map.of("pretrained", "p")));
      assertEquals(-3.0, model.loglikelihood(List.of(new LoglikelihoodRequest("", "abc"))).get(0).logprob());
      assertEquals("pretrained=p tccl=true openTccl=true jackson=false snakeyaml=false kernel=false api=true",
          model.generateUntil(List.of(new GenerationRequest("x", GenerationParams.greedy(List.of())))).get(0));
      // The plain jar next to it went through the class path mode.
      PluginStatus plain = status(kernel, "plain");
      assertTrue(plain.loaded(), plain.toString());
      assertEquals(plugins.resolve("plain.jar").toString(), plain.source());
      var plainBackend = (ClassLoaderSafeModelBackend) kernel.registry().modelBackends().get("plain-model");
      assertInstanceOf(PluginClassLoader.class, plainBackend.delegate().getClass().getClassLoader());
      assertTrue(Files.isDirectory(tmp.resolve("work/felix")), "Felix storage is in <workDir>/felix");
    }
  }

  @Test
  void withoutOsgiABundleIsLoadedAsAPlainJar() throws IOException {
    Path plugins = Files.createDirectories(tmp.resolve("plugins"));
    echoBundle(plugins);
    try (Kernel kernel = Kernel.start(KernelConfig.pluginsFolder(plugins).withWorkDir(tmp.resolve("work")))) {
      PluginStatus echo = status(kernel, "osgi-echo");
      assertTrue(echo.loaded(), echo.toString());
      assertEquals(plugins.resolve("osgi-echo.jar").toString(), echo.source());
      assertFalse(Files.exists(tmp.resolve("work/felix")));
    }
  }

  @Test
  void pluginPublishedAsAServiceIsAddedOnceEvenIfAlsoListed() throws IOException {
    Path plugins = Files.createDirectories(tmp.resolve("plugins"));
    bundle("test.osgi.act", "osgi-act").header("Import-Package", API_IMPORTS
        + ",org.osgi.framework;version=\"[1.8,2)\"").header("Bundle-Activator", "act.Activator")
        .service("act.ActPlugin").classes(classes, "act/").write(plugins.resolve("act.jar"));
    bundle("test.osgi.act2", "osgi-act-only-service").header("Import-Package", API_IMPORTS
        + ",org.osgi.framework;version=\"[1.8,2)\"").header("Bundle-Activator", "act.Activator")
        .classes(classes, "act/").write(plugins.resolve("act2.jar"));
    try (Kernel kernel = startOsgi(plugins)) {
      PluginStatus act = status(kernel, "osgi-act");
      assertTrue(act.loaded(), act.toString());
      assertEquals(List.of("model act-model"), act.components());
      // The second bundle publishes the same component names as a service only: it reaches install and clashes.
      PluginStatus second = status(kernel, "osgi-act-only-service");
      assertFalse(second.loaded());
      assertEquals("duplicate model name 'act-model': registered by plugin osgi-act 1.2.0 (osgi:test.osgi.act) and by"
          + " plugin osgi-act-only-service 1.2.0 (osgi:test.osgi.act2)", second.error());
    }
  }

  @Test
  void brokenBundlesFailAloneWithClearMessages() throws IOException {
    Path plugins = Files.createDirectories(tmp.resolve("plugins"));
    echoBundle(plugins);
    bundle("test.osgi.unresolved", "unresolved").header("Import-Package", API_IMPORTS + ",com.nowhere.missing")
        .service("plain.PlainPlugin").classes(classes, "plain/").write(plugins.resolve("unresolved.jar"));
    bundle("test.osgi.future", "future").header("LmEval-Api-Version", "2.0").header("Import-Package",
        "org.lmeval.api;version=\"[2.0,3)\"").service("plain.PlainPlugin").classes(classes, "plain/")
        .write(plugins.resolve("future.jar"));
    bundle("test.osgi.empty", "empty").write(plugins.resolve("empty.jar"));
    try (Kernel kernel = startOsgi(plugins)) {
      assertTrue(status(kernel, "osgi-echo").loaded());
      String unresolved = status(kernel, "unresolved").error();
      assertTrue(unresolved.startsWith("bundle test.osgi.unresolved (plugin unresolved 1.2.0, file:"), unresolved);
      assertTrue(unresolved.contains("could not be started") && unresolved.contains("com.nowhere.missing"), unresolved);
      assertEquals("plugin future 1.2.0 (osgi:test.osgi.future " + plugins.resolve("future.jar") + ") was built for "
          + "api 2.0, runtime api is " + ApiVersion.current() + ": the major versions differ; rebuild the plugin against lmeval-api 1.x",
          status(kernel, "future").error());
      assertEquals("plugin empty 1.2.0 (osgi:test.osgi.empty) has nothing to load: no "
          + "META-INF/services/org.lmeval.api.Plugin entry, no Plugin service and no LmEval-Tasks header",
          status(kernel, "empty").error());
      assertEquals(-1.0, kernel.registry().modelBackends().get("osgi-model").open(Options.empty())
          .loglikelihood(List.of(new LoglikelihoodRequest("", "x"))).get(0).logprob());
    }
  }

  @Test
  void taskBundleBecomesABundleTaskSource() throws IOException {
    Path plugins = Files.createDirectories(tmp.resolve("plugins"));
    bundle("org.lmeval.tasks.demo", "tasks-demo").header("LmEval-Tasks", "META-INF/lmeval/tasks")
        .entry("META-INF/lmeval/tasks/demo/demo.yaml", "task: demo\n")
        .entry("META-INF/lmeval/data/demo.jsonl", "{}\n").write(plugins.resolve("tasks-demo.jar"));
    try (Kernel kernel = startOsgi(plugins)) {
      PluginStatus s = status(kernel, "tasks-demo");
      assertTrue(s.loaded(), s.toString());
      TaskSource source = kernel.registry().taskSources().get(0);
      assertInstanceOf(BundleTaskSource.class, assertInstanceOf(ClassLoaderSafeTaskSource.class, source).delegate());
      assertEquals(List.of("demo/demo.yaml"), List.copyOf(source.files()));
      try (InputStream in = source.open("demo/demo.yaml")) {
        assertEquals("task: demo\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void closeStopsTheFramework() throws IOException {
    Path plugins = Files.createDirectories(tmp.resolve("plugins"));
    echoBundle(plugins);
    FelixPluginSource source = new FelixPluginSource(plugins, tmp.resolve("work"));
    List<PluginLoad> loads = source.load();
    assertInstanceOf(PluginLoad.Loaded.class, loads.get(0));
    Framework framework = source.framework();
    assertNotNull(framework);
    assertEquals(Bundle.ACTIVE, framework.getState());
    source.close();
    assertNull(source.framework());
    assertEquals(Bundle.RESOLVED, framework.getState());
  }

  @Test
  void noBundlesMeansNoFramework() throws IOException {
    Path plugins = Files.createDirectories(tmp.resolve("plugins"));
    FelixPluginSource source = new FelixPluginSource(plugins, tmp.resolve("work"));
    assertEquals(List.of(), source.load());
    assertNull(source.framework());
    source.close();
  }
}
