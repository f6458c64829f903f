package org.lmeval.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.Plugin;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.MetricFactory;
import org.lmeval.api.metric.Score;
import org.lmeval.platform.plugin.ClasspathPluginSource;
import org.lmeval.platform.plugin.PluginLoad;
import org.lmeval.platform.plugin.PluginStatus;
import org.lmeval.platform.testing.PluginJars;
import org.lmeval.platform.testing.TestPlugins;

class KernelTest {
  @TempDir
  Path tmp;

  /** A test plugin with one metric. */
  public static final class OneMetric implements Plugin {
    private final String name;

    public OneMetric() {
      this("one_metric");
    }

    OneMetric(String name) {
      this.name = name;
    }

    @Override
    public Collection<MetricFactory> metrics() {
      return List.of(new MetricFactory() {
        public String name() {
          return name;
        }

        public boolean higherIsBetter() {
          return true;
        }

        public String defaultAggregation() {
          return "mean";
        }

        public Metric create(Options kwargs) {
          return (Metric.PerSample) s -> Score.of(1);
        }
      });
    }
  }

  @Test
  void extraPluginsAreInstalledThroughTheSameRegistryAndFrozen() {
    try (Kernel kernel = Kernel.start(KernelConfig.of(new OneMetric(), new OneMetric("one_metric")))) {
      List<PluginStatus> plugins = kernel.loadReport().plugins();
      assertTrue(plugins.get(0).loaded());
      assertEquals("test", plugins.get(0).source());
      assertFalse(plugins.get(1).loaded());
      assertTrue(plugins.get(1).error().startsWith("duplicate metric name 'one_metric'"), plugins.get(1).error());
      assertTrue(kernel.registry().frozen());
      assertTrue(kernel.workDir().isEmpty());
      assertThrows(IllegalStateException.class, () -> kernel.registry().install(new OneMetric("later"),
          new org.lmeval.platform.plugin.Origin("late", "", "test")));
    }
  }

  @Test
  void classpathPluginsTakeTheirIdFromTheirJarManifest() throws IOException {
    Path classes = PluginJars.compile(tmp.resolve("classes"), Map.of(
        "cp.CpPlugin", TestPlugins.modelPlugin("cp", "CpPlugin", "cp-model", null),
        "cpbad.Bad", TestPlugins.throwingConstructor("cpbad", "Bad")));
    Path withManifest = PluginJars.jar().plugin("cp-plugin", "1.0", "4.5.6").service("cp.CpPlugin")
        .classes(classes, "cp/").write(tmp.resolve("cp.jar"));
    Path bare = PluginJars.jar().service("cpbad.Bad").classes(classes, "cpbad/").write(tmp.resolve("bare.jar"));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {withManifest.toUri().toURL(), bare.toUri().toURL()},
        KernelTest.class.getClassLoader())) {
      List<PluginLoad> loads = new ClasspathPluginSource(loader).load();
      assertEquals(2, loads.size(), loads.toString());
      PluginLoad.Loaded cp = (PluginLoad.Loaded) loads.get(0);
      assertEquals("cp-plugin", cp.origin().pluginId());
      assertEquals("4.5.6", cp.origin().version());
      assertEquals("1.0", cp.apiVersion());
      PluginLoad.Failed bad = (PluginLoad.Failed) loads.get(1);
      assertEquals("cpbad.Bad", bad.origin().pluginId());
      assertEquals("entry point cpbad.Bad (plugin classpath) failed on creation: IllegalStateException: boom in "
          + "constructor", bad.error().getMessage());
    }
  }

  @Test
  void unknownComponentListsSuggestionsAndFailedPlugins() {
    try (Kernel kernel = Kernel.start(KernelConfig.of(new OneMetric(), new OneMetric("one_metric")))) {
      EvalException e = assertThrows(EvalException.class, () -> kernel.registry().metrics().get("one_metrik"));
      assertEquals(ErrorCode.UNKNOWN_COMPONENT, e.code());
      assertTrue(e.getMessage().startsWith("unknown metric 'one_metrik'; did you mean 'one_metric'? (plugins that "
          + "failed to load: org.lmeval.platform.KernelTest$OneMetric (test): duplicate metric name"), e.getMessage());
    }
  }
}
