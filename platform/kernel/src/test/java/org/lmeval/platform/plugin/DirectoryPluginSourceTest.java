package org.lmeval.platform.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.ApiVersion;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.task.TaskSource;
import org.lmeval.platform.task.JarTaskSource;
import org.lmeval.platform.Kernel;
import org.lmeval.platform.KernelConfig;
import org.lmeval.platform.boundary.ClassLoaderSafeModelBackend;
import org.lmeval.platform.boundary.ClassLoaderSafeTaskSource;
import org.lmeval.platform.testing.PluginJars;
import org.lmeval.platform.testing.TestPlugins;

/** The plugins/ folder in class path mode, with jars built on the fly. */
class DirectoryPluginSourceTest {
  @TempDir
  static Path shared;
  static Path classes;

  @TempDir
  Path tmp;

  @BeforeAll
  static void compilePlugins() throws IOException {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("good.GoodPlugin", TestPlugins.modelPlugin("good", "GoodPlugin", "good-model", "good_metric"));
    sources.put("other.OtherPlugin", TestPlugins.modelPlugin("other", "OtherPlugin", "other-model", null));
    sources.put("clash.ClashPlugin", TestPlugins.modelPlugin("clash", "ClashPlugin", "good-model", "clash_metric"));
    sources.put("bad.BadPlugin", TestPlugins.throwingConstructor("bad", "BadPlugin"));
    sources.put("embedded.EmbeddedPlugin", """
        package embedded;

        import java.util.*;
        import org.lmeval.api.*;
        import org.lmeval.api.metric.*;

        public class EmbeddedPlugin implements Plugin {
          @Override
          public Collection<MetricFactory> metrics() {
            return List.of(new MetricFactory() {
              public String name() { return util.Shout.shout("embedded_metric"); }
              public boolean higherIsBetter() { return true; }
              public String defaultAggregation() { return "mean"; }
              public Metric create(Options kwargs) { return (Metric.PerSample) s -> Score.of(2.0); }
            });
          }
        }
        """);
    sources.put("util.Shout", """
        package util;

        public final class Shout {
          public static String shout(String s) { return s.toLowerCase(java.util.Locale.ROOT); }
        }
        """);
    classes = PluginJars.compile(shared.resolve("classes"), sources);
  }

  private Path plugins() throws IOException {
    return Files.createDirectories(tmp.resolve("plugins"));
  }

  private static Path goodJar(Path dir) throws IOException {
    return PluginJars.jar().plugin("good", "1.0", "1.0.0").service("good.GoodPlugin").classes(classes, "good/")
        .write(dir.resolve("good.jar"));
  }

  private Kernel start(Path plugins) {
    return Kernel.start(KernelConfig.pluginsFolder(plugins).withWorkDir(tmp.resolve("work")));
  }

  private static PluginStatus status(Kernel kernel, String id) {
    return kernel.loadReport().plugins().stream().filter(p -> p.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no status for " + id + " in " + kernel.loadReport()));
  }

  /** The good plugin still works: its model answers through the boundary. */
  private static void assertGoodPluginUsable(Kernel kernel) {
    LanguageModel model = kernel.registry().modelBackends().get("good-model").open(Options.empty());
    assertEquals(-4.0, model.loglikelihood(List.of(new LoglikelihoodRequest("a", " abc"))).get(0).logprob());
  }

  @Test
  void goodPlainJarLoadsInItsOwnClassLoaderAndIsWrapped() throws IOException {
    Path plugins = plugins();
    goodJar(plugins);
    try (Kernel kernel = start(plugins)) {
      PluginStatus s = status(kernel, "good");
      assertTrue(s.loaded(), s.toString());
      assertEquals("1.0.0", s.version());
      assertEquals("1.0", s.apiVersion());
      assertEquals(plugins.resolve("good.jar").toString(), s.source());
      assertEquals(List.of("model good-model", "metric good_metric"), s.components());
      var backend = kernel.registry().modelBackends().get("good-model");
      ClassLoaderSafeModelBackend safe = assertInstanceOf(ClassLoaderSafeModelBackend.class, backend);
      assertInstanceOf(PluginClassLoader.class, safe.delegate().getClass().getClassLoader());
      assertGoodPluginUsable(kernel);
      String probe = backend.open(Options.of("model arg", Map.of("pretrained", "tiny")))
          .generateUntil(List.of(new GenerationRequest("q", GenerationParams.greedy(List.of("\n"))))).get(0);
      assertEquals("pretrained=tiny tccl=true openTccl=true jackson=false snakeyaml=false kernel=false api=true",
          probe);
      assertTrue(kernel.loadReport().failures().isEmpty());
    }
  }

  @Test
  void missingServicesFileIsAFailureThatSaysWhatToAdd() throws IOException {
    Path plugins = plugins();
    goodJar(plugins);
    PluginJars.jar().plugin("no-services", "1.0", "0.1").classes(classes, "other/").write(plugins.resolve("x.jar"));
    try (Kernel kernel = start(plugins)) {
      PluginStatus s = status(kernel, "no-services");
      assertFalse(s.loaded());
      assertTrue(s.error().contains("has nothing to load: no META-INF/services/org.lmeval.api.Plugin entry and no "
          + "LmEval-Tasks header"), s.error());
      assertGoodPluginUsable(kernel);
    }
  }

  @Test
  void constructorThatThrowsFailsOnlyThatPlugin() throws IOException {
    Path plugins = plugins();
    goodJar(plugins);
    PluginJars.jar().plugin("bad", "1.0", "0.1").service("bad.BadPlugin").classes(classes, "bad/")
        .write(plugins.resolve("bad.jar"));
    try (Kernel kernel = start(plugins)) {
      PluginStatus s = status(kernel, "bad");
      assertFalse(s.loaded());
      assertEquals("entry point bad.BadPlugin (plugin bad 0.1) failed on creation: IllegalStateException: "
          + "boom in constructor", s.error());
      assertGoodPluginUsable(kernel);
    }
  }

  @Test
  void wrongApiMajorIsIncompatibleAndNamesBothVersions() throws IOException {
    Path plugins = plugins();
    goodJar(plugins);
    PluginJars.jar().plugin("future", "2.0", "3.1.0").service("other.OtherPlugin").classes(classes, "other/")
        .write(plugins.resolve("future.jar"));
    try (Kernel kernel = start(plugins)) {
      PluginStatus s = status(kernel, "future");
      assertFalse(s.loaded());
      assertEquals("plugin future 3.1.0 (" + plugins.resolve("future.jar") + ") was built for api 2.0, runtime api is "
          + ApiVersion.current() + ": the major versions differ; rebuild the plugin against lmeval-api 1.x", s.error());
      assertGoodPluginUsable(kernel);
      assertTrue(kernel.registry().modelBackends().find("other-model").isEmpty());
    }
  }

  @Test
  void apiMinorTooNewIsIncompatible() throws IOException {
    Path plugins = plugins();
    PluginJars.jar().plugin("newer", "1.7", "1.0").service("other.OtherPlugin").classes(classes, "other/")
        .write(plugins.resolve("newer.jar"));
    try (Kernel kernel = start(plugins)) {
      String error = status(kernel, "newer").error();
      assertTrue(error.contains("was built for api 1.7, runtime api is " + ApiVersion.current()
          + ": it needs a newer runtime"), error);
    }
  }

  @Test
  void clashingNamesFailTheLaterPluginWholeAndKeepTheFirst() throws IOException {
    Path plugins = plugins();
    goodJar(plugins);
    PluginJars.jar().plugin("zz-clash", "1.0", "0.2").service("clash.ClashPlugin").classes(classes, "clash/")
        .write(plugins.resolve("zz-clash.jar"));
    try (Kernel kernel = start(plugins)) {
      PluginStatus s = status(kernel, "zz-clash");
      assertFalse(s.loaded());
      assertEquals("duplicate model name 'good-model': registered by plugin good 1.0.0 (" + plugins.resolve("good.jar")
          + ") and by plugin zz-clash 0.2 (" + plugins.resolve("zz-clash.jar") + ")", s.error());
      // Nothing of the clashing plugin stays registered, not even its non-clashing metric.
      assertTrue(kernel.registry().metrics().find("clash_metric").isEmpty());
      assertGoodPluginUsable(kernel);
      EvalException unknown = assertThrows(EvalException.class, () -> kernel.registry().metrics().get("clash_metrc"));
      assertEquals(ErrorCode.UNKNOWN_COMPONENT, unknown.code());
      assertTrue(unknown.getMessage().startsWith("unknown metric 'clash_metrc'; valid names: good_metric"),
          unknown.getMessage());
      assertTrue(unknown.getMessage().contains("(plugins that failed to load: zz-clash ("), unknown.getMessage());
    }
  }

  @Test
  void embeddedBundleClassPathLibrariesAreExtractedOnce() throws IOException {
    Path plugins = plugins();
    byte[] util = PluginJars.jar().classes(classes, "util/").bytes();
    PluginJars.jar().plugin("embedded", "1.0", "2.0.0").header("Bundle-ClassPath", ".,lib/util.jar")
        .service("embedded.EmbeddedPlugin").classes(classes, "embedded/").entry("lib/util.jar", util)
        .write(plugins.resolve("embedded.jar"));
    Path extracted = tmp.resolve("work/plugins/embedded/2.0.0/lib/util.jar");
    try (Kernel kernel = start(plugins)) {
      assertTrue(status(kernel, "embedded").loaded(), status(kernel, "embedded").toString());
      assertTrue(Files.isRegularFile(extracted));
      var metric = (org.lmeval.api.metric.Metric.PerSample) kernel.registry().metrics().get("embedded_metric")
          .create(Options.empty());
      assertEquals(2.0, metric.score(null).value());
    }
    FileTime first = Files.getLastModifiedTime(extracted);
    Files.setLastModifiedTime(extracted, FileTime.fromMillis(first.toMillis() - 60_000));
    FileTime aged = Files.getLastModifiedTime(extracted);
    try (Kernel kernel = start(plugins)) {
      assertTrue(status(kernel, "embedded").loaded());
      assertEquals(aged, Files.getLastModifiedTime(extracted), "the library was extracted again");
    }
  }

  @Test
  void missingEmbeddedLibraryIsReported() throws IOException {
    Path plugins = plugins();
    PluginJars.jar().plugin("embedded", "1.0", "2.0.0").header("Bundle-ClassPath", ".,lib/absent.jar")
        .service("embedded.EmbeddedPlugin").classes(classes, "embedded/").write(plugins.resolve("embedded.jar"));
    try (Kernel kernel = start(plugins)) {
      String error = status(kernel, "embedded").error();
      assertTrue(error.endsWith("Bundle-ClassPath entry 'lib/absent.jar' is not in the jar"), error);
    }
  }

  @Test
  void pluginDirectoryHoldsThePluginJarAndItsLibraries() throws IOException {
    Path plugins = plugins();
    Path dir = Files.createDirectories(plugins.resolve("embedded"));
    PluginJars.jar().plugin("embedded", "1.0", "2.0.0").service("embedded.EmbeddedPlugin")
        .classes(classes, "embedded/").write(dir.resolve("embedded-2.0.0.jar"));
    PluginJars.jar().classes(classes, "util/").write(dir.resolve("util-1.0.jar"));
    try (Kernel kernel = start(plugins)) {
      PluginStatus s = status(kernel, "embedded");
      assertTrue(s.loaded(), s.toString());
      assertEquals(dir.toString(), s.source());
      assertEquals(List.of("metric embedded_metric"), s.components());
    }
  }

  @Test
  void pluginDirectoryMustBeNamedAfterItsPlugin() throws IOException {
    Path plugins = plugins();
    goodJar(Files.createDirectories(plugins.resolve("not-good")));
    try (Kernel kernel = start(plugins)) {
      PluginStatus s = status(kernel, "good");
      assertFalse(s.loaded());
      assertTrue(s.error().endsWith("the directory must be named after the plugin id (plugins/good/)"), s.error());
    }
  }

  @Test
  void pluginDirectoryWithTwoPluginJarsIsAFailure() throws IOException {
    Path plugins = plugins();
    Path dir = Files.createDirectories(plugins.resolve("good"));
    goodJar(dir);
    PluginJars.jar().plugin("other", "1.0", "1").service("other.OtherPlugin").classes(classes, "other/")
        .write(dir.resolve("other.jar"));
    try (Kernel kernel = start(plugins)) {
      String error = status(kernel, "good").error();
      assertTrue(error.contains("it holds 2 plugin jars (good.jar, other.jar)"), error);
    }
  }

  @Test
  void otherEntriesAreSkippedAndReported() throws IOException {
    Path plugins = plugins();
    goodJar(plugins);
    Files.writeString(plugins.resolve("README.txt"), "drop plugin jars here");
    Files.createDirectories(plugins.resolve("empty"));
    try (Kernel kernel = start(plugins)) {
      assertEquals(List.of(
          plugins.resolve("README.txt") + ": not a plugin: plugins/ holds plugin jars and plugin directories "
              + "plugins/<id>/ of jars",
          plugins.resolve("empty") + ": not a plugin: a plugin directory plugins/<id>/ holds jars, this one holds none"),
          kernel.loadReport().skipped());
      assertTrue(kernel.loadReport().failures().isEmpty());
    }
  }

  @Test
  void jarWithoutPluginIdIsNotAPlugin() throws IOException {
    Path plugins = plugins();
    PluginJars.jar().classes(classes, "util/").write(plugins.resolve("util.jar"));
    try (Kernel kernel = start(plugins)) {
      PluginStatus s = status(kernel, "util");
      assertFalse(s.loaded());
      assertTrue(s.error().contains("is not an lm-eval plugin: its manifest has no LmEval-Plugin-Id header"), s.error());
    }
  }

  @Test
  void unknownLmEvalHeaderIsRejectedWithASuggestion() throws IOException {
    Path plugins = plugins();
    PluginJars.jar().plugin("typo", "1.0", "1").header("LmEval-Task", "tasks").service("other.OtherPlugin")
        .classes(classes, "other/").write(plugins.resolve("typo.jar"));
    try (Kernel kernel = start(plugins)) {
      String error = status(kernel, "typo").error();
      assertTrue(error.endsWith("unknown manifest header 'LmEval-Task'; did you mean 'LmEval-Tasks'? (known LmEval-* "
          + "headers: LmEval-Plugin-Id, LmEval-Api-Version, LmEval-Tasks)"), error);
    }
  }

  @Test
  void missingServiceClassFailsButTheOtherEntryPointLoads() throws IOException {
    Path plugins = plugins();
    PluginJars.jar().plugin("half", "1.0", "1").service("other.Missing").service("other.OtherPlugin")
        .classes(classes, "other/").write(plugins.resolve("half.jar"));
    try (Kernel kernel = start(plugins)) {
      List<PluginStatus> half = kernel.loadReport().plugins().stream().filter(p -> p.id().equals("half")).toList();
      assertEquals(2, half.size(), half.toString());
      assertTrue(half.get(0).loaded());
      assertEquals(List.of("model other-model"), half.get(0).components());
      assertFalse(half.get(1).loaded());
      assertTrue(half.get(1).error().contains("Provider other.Missing not found"), half.get(1).error());
    }
  }

  @Test
  void taskFolderBecomesATaskSourceRelativeToIt() throws IOException {
    Path plugins = plugins();
    PluginJars.jar().plugin("tasks-demo", "1.0", "1").header("LmEval-Tasks", "META-INF/lmeval/tasks")
        .entry("META-INF/lmeval/tasks/demo/demo.yaml", "task: demo\n")
        .entry("META-INF/lmeval/tasks/demo/_default.yaml", "dataset_path: x\n")
        .entry("META-INF/other.txt", "not a task").write(plugins.resolve("tasks-demo.jar"));
    try (Kernel kernel = start(plugins)) {
      PluginStatus s = status(kernel, "tasks-demo");
      assertTrue(s.loaded(), s.toString());
      assertEquals(List.of("task source tasks-demo"), s.components());
      TaskSource source = kernel.registry().taskSources().get(0);
      assertInstanceOf(JarTaskSource.class, ((ClassLoaderSafeTaskSource) source).delegate());
      assertEquals(List.of("demo/_default.yaml", "demo/demo.yaml"), List.copyOf(source.files()));
      try (InputStream in = source.open("demo/demo.yaml")) {
        assertEquals("task: demo\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      assertThrows(java.nio.file.NoSuchFileException.class, () -> source.open("../other.txt"));
    }
  }

  @Test
  void strictPluginsMakesAnyFailureFatal() throws IOException {
    Path plugins = plugins();
    goodJar(plugins);
    PluginJars.jar().plugin("bad", "1.0", "0.1").service("bad.BadPlugin").classes(classes, "bad/")
        .write(plugins.resolve("bad.jar"));
    EvalException e = assertThrows(EvalException.class, () -> Kernel.start(
        KernelConfig.pluginsFolder(plugins).withWorkDir(tmp.resolve("work")).withStrictPlugins(true)));
    assertEquals(ErrorCode.PLUGIN_LOAD_FAILED, e.code());
    assertTrue(e.getMessage().startsWith("plugins failed to load (--strict-plugins): bad ("), e.getMessage());
  }

  @Test
  void missingPluginsFolderIsAnInvalidArgument() {
    EvalException e = assertThrows(EvalException.class, () -> start(tmp.resolve("nope")));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertEquals("plugins folder " + tmp.resolve("nope") + " is not a directory", e.getMessage());
  }

  @Test
  void temporaryWorkDirIsRemovedOnClose() throws IOException {
    Path plugins = plugins();
    byte[] util = PluginJars.jar().classes(classes, "util/").bytes();
    PluginJars.jar().plugin("embedded", "1.0", "2.0.0").header("Bundle-ClassPath", ".,lib/util.jar")
        .service("embedded.EmbeddedPlugin").classes(classes, "embedded/").entry("lib/util.jar", util)
        .write(plugins.resolve("embedded.jar"));
    Path work;
    try (Kernel kernel = Kernel.start(KernelConfig.pluginsFolder(plugins))) {
      assertTrue(status(kernel, "embedded").loaded());
      work = kernel.workDir().orElseThrow();
      assertTrue(Files.isRegularFile(work.resolve("plugins/embedded/2.0.0/lib/util.jar")));
    }
    assertFalse(Files.exists(work), work + " is left over");
  }
}
