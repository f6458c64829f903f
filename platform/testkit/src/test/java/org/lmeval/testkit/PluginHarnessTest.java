package org.lmeval.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.Options;
import org.lmeval.api.Plugin;
import org.lmeval.api.metric.MetricFactory;
import org.lmeval.api.model.ModelBackend;
import org.lmeval.platform.boundary.ClassLoaderSafeMetricFactory;
import org.lmeval.testkit.sample.SamplePlugin;
import org.lmeval.testkit.sample.UnlistedPlugin;

class PluginHarnessTest {
  @TempDir
  Path tmp;

  /** A plugin that happens to use the same metric name as the sample. */
  static final class Clashing implements Plugin {
    @Override
    public Collection<MetricFactory> metrics() {
      return List.of(new SamplePlugin.Length());
    }

    @Override
    public Collection<ModelBackend> modelBackends() {
      return List.of(new FakeModelBackend());
    }
  }

  @Test
  void loadsAListedPluginThroughTheRealRegistry() {
    try (PluginHarness h = PluginHarness.load(SamplePlugin.class)) {
      h.assertComponents("metric sample_length");
      assertTrue(h.status().loaded());
      assertTrue(h.registry().metrics().get("sample_length") instanceof ClassLoaderSafeMetricFactory);
      AssertionError wrong = assertThrows(AssertionError.class, () -> h.assertComponents("metric other"));
      assertEquals("plugin org.lmeval.testkit.sample.SamplePlugin registered [metric sample_length], expected "
          + "[metric other]", wrong.getMessage());
    }
  }

  @Test
  void missingServicesEntryIsCaught() {
    AssertionError e = assertThrows(AssertionError.class, () -> PluginHarness.load(UnlistedPlugin.class));
    assertEquals("org.lmeval.testkit.sample.UnlistedPlugin is not listed in META-INF/services/org.lmeval.api.Plugin,"
        + " so the kernel will never find it; add a line 'org.lmeval.testkit.sample.UnlistedPlugin' to "
        + "src/main/resources/META-INF/services/org.lmeval.api.Plugin (listed now: "
        + "org.lmeval.testkit.sample.SamplePlugin)", e.getMessage());
  }

  @Test
  void nameClashWithOtherPluginsIsCaught() {
    AssertionError e = assertThrows(AssertionError.class, () -> PluginHarness.load(SamplePlugin.class,
        new Clashing()));
    assertTrue(e.getMessage().startsWith("the plugin did not load: org.lmeval.testkit.sample.SamplePlugin (test): "
        + "duplicate metric name 'sample_length': registered by plugin org.lmeval.testkit.PluginHarnessTest$Clashing"),
        e.getMessage());
  }

  @Test
  void loadsABuiltJarFromAPluginsFolder() throws IOException, URISyntaxException {
    Path jar = tmp.resolve("sample.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("LmEval-Plugin-Id", "sample");
    manifest.getMainAttributes().putValue("LmEval-Api-Version", "1.0");
    manifest.getMainAttributes().putValue("Implementation-Version", "0.0.1");
    Path classes = Path.of(SamplePlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
        Stream<Path> files = Files.list(classes.resolve("org/lmeval/testkit/sample"))) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("SamplePlugin")).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("META-INF/services/org.lmeval.api.Plugin"));
      out.write(SamplePlugin.class.getName().getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    try (PluginHarness h = PluginHarness.loadJar(jar, false)) {
      h.assertComponents("metric sample_length");
      assertEquals("sample", h.status().id());
      assertEquals("0.0.1", h.status().version());
      assertEquals(false, h.registry().metrics().get("sample_length").higherIsBetter());
      h.registry().metrics().get("sample_length").create(Options.empty());
    }
  }
}
