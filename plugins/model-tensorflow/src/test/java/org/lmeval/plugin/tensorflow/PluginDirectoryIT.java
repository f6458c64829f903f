package org.lmeval.plugin.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.lmeval.api.model.ModelBackend;

/** target/plugin-dir/model-tensorflow in its own class loader (only org.lmeval.api shared), as the kernel loads it. */
class PluginDirectoryIT {
  @Test
  void loadsAndScoresFromTheIsolatedPluginDirectory() throws IOException {
    Path dir = Path.of(System.getProperty("lmeval.plugin.dir", "target/plugin-dir/model-tensorflow"));
    URL[] urls;
    try (Stream<Path> files = Files.list(dir)) {
      urls = files.filter(p -> p.toString().endsWith(".jar")).sorted().map(p -> {
        try {
          return p.toUri().toURL();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).toArray(URL[]::new);
    }
    ClassLoader api = Plugin.class.getClassLoader();
    try (URLClassLoader loader = new URLClassLoader("plugin-model-tensorflow", urls,
        ClassLoader.getPlatformClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        return name.startsWith("org.lmeval.api.") ? api.loadClass(name) : super.loadClass(name, resolve);
      }
    }) {
      List<Plugin> plugins = ServiceLoader.load(Plugin.class, loader).stream().map(ServiceLoader.Provider::get)
          .toList();
      assertEquals(1, plugins.size(), "only the tensorflow plugin: the hf library jar has no service entry");
      assertEquals(loader, plugins.get(0).getClass().getClassLoader());
      ModelBackend backend = plugins.get(0).modelBackends().iterator().next();
      assertEquals("tensorflow", backend.name());
      try (LanguageModel model = backend.open(Options.of("model arg",
          Map.of("pretrained", SavedModelStoriesTest.stories().toString())))) {
        double logprob = model.loglikelihood(List.of(new LoglikelihoodRequest(
            "Once upon a time, there was a little girl named", " Lily."))).get(0).logprob();
        assertEquals(-0.14692, logprob, 1e-4);
        assertTrue(logprob < 0);
      }
    }
  }
}
