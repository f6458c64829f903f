package org.lmeval.plugin.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lmeval.api.Options;
import org.lmeval.api.Plugin;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.ModelBackend;

/**
 * The packaged plugin directory (target/plugin-dir/model-djl) loaded as the kernel loads directory plugins
 * (architecture B5): its jars in their own class loader whose parent is the platform loader, with only
 * org.lmeval.api shared. The caller's context class loader is NOT the plugin's, so this also checks that the
 * backend switches it for DJL's engine discovery.
 */
class PluginDirectoryIT {
  /** Child-first for everything but the API, like the kernel's PluginClassLoader. */
  static final class IsolatedLoader extends URLClassLoader {
    private final ClassLoader api;

    IsolatedLoader(URL[] urls, ClassLoader api) {
      super("plugin-model-djl", urls, ClassLoader.getPlatformClassLoader());
      this.api = api;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("org.lmeval.api.")) {
        return api.loadClass(name);
      }
      return super.loadClass(name, resolve);
    }
  }

  static URL[] jars(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".jar")).sorted().map(p -> {
        try {
          return p.toUri().toURL();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).toArray(URL[]::new);
    }
  }

  @Test
  void loadsAndScoresFromTheIsolatedPluginDirectory() throws IOException {
    Path dir = Path.of(System.getProperty("lmeval.plugin.dir", "target/plugin-dir/model-djl"));
    URL[] urls = jars(dir);
    assertTrue(urls.length > 5, "plugin jar plus dependencies in " + dir);
    try (IsolatedLoader loader = new IsolatedLoader(urls, Plugin.class.getClassLoader())) {
      List<Plugin> plugins = ServiceLoader.load(Plugin.class, loader).stream().map(ServiceLoader.Provider::get)
          .toList();
      assertEquals(1, plugins.size());
      assertNotSame(DjlPlugin.class, plugins.get(0).getClass(), "loaded from the plugin directory, not the test");
      assertEquals(loader, plugins.get(0).getClass().getClassLoader());
      ModelBackend backend = plugins.get(0).modelBackends().iterator().next();
      assertEquals("djl", backend.name());
      ClassLoader before = Thread.currentThread().getContextClassLoader();
      try (LanguageModel model = backend.open(Options.of("model arg",
          Map.of("pretrained", SharedModels.stories("onnx").toString())))) {
        LoglikelihoodResult r = model.loglikelihood(List.of(new LoglikelihoodRequest(
            "Once upon a time, there was a little girl named", " Lily."))).get(0);
        assertEquals(-0.14692, r.logprob(), 1e-4);
        assertTrue(r.greedy());
      }
      assertEquals(before, Thread.currentThread().getContextClassLoader(), "context class loader restored");
    }
  }
}
