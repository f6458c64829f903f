package org.lmeval.platform.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.ApiVersion;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.Plugin;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.platform.Kernel;
import org.lmeval.platform.KernelConfig;
import org.lmeval.platform.boundary.ClassLoaderSafeModelBackend;
import org.lmeval.platform.testing.PluginJars;
import org.lmeval.platform.testing.TestPlugins;

/** Class isolation of plugins: only org.lmeval.api is shared with the kernel. */
class PluginClassLoaderTest {
  @TempDir
  static Path shared;
  static Path classes;
  static Path jar;

  @TempDir
  Path tmp;

  @BeforeAll
  static void build() throws IOException {
    classes = PluginJars.compile(shared.resolve("classes"), Map.of(
        "iso.IsoPlugin", TestPlugins.modelPlugin("iso", "IsoPlugin", "iso-model", null)));
    jar = PluginJars.jar().plugin("iso", "1.0", "1.0").service("iso.IsoPlugin").classes(classes, "iso/")
        .entry("iso/data.txt", "plugin data").entry("org/lmeval/api/version.properties", "api.version=9.9\n")
        .write(shared.resolve("iso.jar"));
  }

  private static PluginClassLoader loader() throws IOException {
    return new PluginClassLoader("iso", List.of(jar.toUri().toURL()), Plugin.class.getClassLoader());
  }

  @Test
  void pluginCannotSeeTheKernelsLibraries() throws Exception {
    try (PluginClassLoader loader = loader()) {
      for (String kernelOnly : List.of("com.fasterxml.jackson.databind.ObjectMapper", "org.yaml.snakeyaml.Yaml",
          "com.hubspot.jinjava.Jinjava", "org.osgi.framework.Bundle", "org.lmeval.platform.Kernel",
          "org.junit.jupiter.api.Test")) {
        Class.forName(kernelOnly, false, PluginClassLoaderTest.class.getClassLoader());
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass(kernelOnly), kernelOnly);
      }
    }
  }

  @Test
  void pluginSharesTheApiClassesAndSeesTheJdk() throws Exception {
    try (PluginClassLoader loader = loader()) {
      assertSame(Options.class, loader.loadClass("org.lmeval.api.Options"));
      assertSame(Plugin.class, loader.loadClass("org.lmeval.api.Plugin"));
      assertSame(java.sql.Connection.class, loader.loadClass("java.sql.Connection"));
      Class<?> own = loader.loadClass("iso.IsoPlugin");
      assertSame(loader, own.getClassLoader());
      assertTrue(Plugin.class.isAssignableFrom(own));
    }
  }

  @Test
  void apiResourcesComeFromTheApiOthersFromThePlugin() throws IOException {
    try (PluginClassLoader loader = loader()) {
      // The jar carries a fake org/lmeval/api/version.properties; the api's own copy wins.
      try (InputStream in = loader.getResourceAsStream("org/lmeval/api/version.properties")) {
        assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("api.version=" + ApiVersion.current()));
      }
      List<URL> all = Collections.list(loader.getResources("org/lmeval/api/version.properties"));
      assertEquals(1, all.size(), all.toString());
      assertNotNull(loader.getResource("iso/data.txt"));
      // The kernel's own services files are invisible to the plugin.
      assertEquals(List.of(), Collections.list(loader.getResources("META-INF/services/org.osgi.framework.launch"
          + ".FrameworkFactory")));
    }
  }

  @Test
  void probesInsideThePluginConfirmIsolationAndTccl() throws IOException {
    Path plugins = Files.createDirectories(tmp.resolve("plugins"));
    Files.copy(jar, plugins.resolve("iso.jar"));
    try (Kernel kernel = Kernel.start(KernelConfig.pluginsFolder(plugins).withWorkDir(tmp.resolve("w")))) {
      String probe = kernel.registry().modelBackends().get("iso-model").open(Options.empty())
          .generateUntil(List.of(new org.lmeval.api.model.GenerationRequest("x",
              org.lmeval.api.model.GenerationParams.greedy(List.of())))).get(0);
      assertEquals("pretrained=none tccl=true openTccl=true jackson=false snakeyaml=false kernel=false api=true", probe);
    }
  }

  @Test
  void oneLoaderPerPluginWhileKernelsShareIt() throws IOException {
    Path plugins = Files.createDirectories(tmp.resolve("plugins"));
    Files.copy(jar, plugins.resolve("iso.jar"));
    KernelConfig config = KernelConfig.pluginsFolder(plugins).withWorkDir(tmp.resolve("w"));
    List<URL> urls = List.of(plugins.resolve("iso.jar").toUri().toURL());
    ClassLoader first;
    try (Kernel a = Kernel.start(config); Kernel b = Kernel.start(config)) {
      first = loaderOf(a);
      assertSame(first, loaderOf(b));
      assertEquals(2, PluginClassLoaders.users("iso", urls));
    }
    assertEquals(0, PluginClassLoaders.users("iso", urls));
    try (Kernel c = Kernel.start(config)) {
      assertNotSame(first, loaderOf(c), "a closed loader is not reused");
      // The loader still works after the earlier kernels closed theirs.
      assertEquals(-3.0, c.registry().modelBackends().get("iso-model").open(Options.empty())
          .loglikelihood(List.of(new LoglikelihoodRequest("", "abc"))).get(0).logprob());
    }
  }

  private static ClassLoader loaderOf(Kernel kernel) {
    ClassLoaderSafeModelBackend b = (ClassLoaderSafeModelBackend) kernel.registry().modelBackends().get("iso-model");
    return b.delegate().getClass().getClassLoader();
  }

  @Test
  void classMissingFromTheRuntimeApiIsPluginIncompatible() throws IOException {
    // The plugin is compiled against an api that has one more class; at run time that class is missing.
    Path futureClasses = PluginJars.compile(tmp.resolve("future"), Map.of(
        "org.lmeval.api.FutureFeature", """
            package org.lmeval.api;
            public final class FutureFeature {
              public static double weight() { return 1.0; }
            }
            """,
        "fut.FuturePlugin", """
            package fut;

            import java.util.*;
            import org.lmeval.api.*;
            import org.lmeval.api.model.*;

            public class FuturePlugin implements Plugin {
              @Override
              public Collection<ModelBackend> modelBackends() {
                return List.of(new ModelBackend() {
                  public String name() { return "future-model"; }
                  public LanguageModel open(Options args) {
                    return new LanguageModel() {
                      public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
                        return List.of(new LoglikelihoodResult(-FutureFeature.weight(), false));
                      }
                      public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) { return List.of(); }
                      public List<String> generateUntil(List<GenerationRequest> batch) { return List.of(); }
                    };
                  }
                });
              }
            }
            """));
    Path plugins = Files.createDirectories(tmp.resolve("plugins"));
    PluginJars.jar().plugin("future", "1.0", "0.3.0").service("fut.FuturePlugin").classes(futureClasses, "fut/")
        .write(plugins.resolve("future.jar"));
    try (Kernel kernel = Kernel.start(KernelConfig.pluginsFolder(plugins).withWorkDir(tmp.resolve("w")))) {
      var model = kernel.registry().modelBackends().get("future-model").open(Options.empty());
      EvalException e = assertThrows(EvalException.class,
          () -> model.loglikelihood(List.of(new LoglikelihoodRequest("a", "b"))));
      assertEquals(ErrorCode.PLUGIN_INCOMPATIBLE, e.code());
      assertEquals("plugin future 0.3.0 was built for api 1.0, runtime api is " + ApiVersion.current() + " (NoClassDefFoundError: "
          + "org/lmeval/api/FutureFeature); model backend 'future-model' failed on a loglikelihood batch of 1",
          e.getMessage());
    }
  }
}
