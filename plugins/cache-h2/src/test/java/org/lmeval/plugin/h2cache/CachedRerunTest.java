package org.lmeval.plugin.h2cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.cache.ResponseCache;
import org.lmeval.platform.cache.CachingLanguageModel;
import org.lmeval.platform.cache.ModelFingerprint;
import org.lmeval.platform.cache.ResponseCaches;
import org.lmeval.platform.eval.Instance;
import org.lmeval.platform.eval.ModelRunner;
import org.lmeval.platform.progress.Progress;
import org.lmeval.testkit.PluginHarness;

/** A cached rerun of a 100,000-request evaluation makes no model call (timings: bench/cache.sh). */
class CachedRerunTest {
  @TempDir Path dir;

  @Test
  @Tag("slow")
  void aCachedRerunOfAHundredThousandRequestsMakesNoModelCall() {
    List<Instance> instances = CacheBench.instances(100_000);
    ModelFingerprint fp = new ModelFingerprint("bench", Map.of("pretrained", "instant"), "");
    String location = dir.resolve("cache").toString();
    try (PluginHarness harness = PluginHarness.load(H2CachePlugin.class)) {
      List<List<Object>> first;
      try (ResponseCache cache = ResponseCaches.open(harness.registry(), location)) {
        CacheBench.InstantModel model = new CacheBench.InstantModel();
        first = new ModelRunner(CachingLanguageModel.of(model, cache, fp, instances), 64, Progress.none())
            .run(instances);
        assertEquals(100_000, model.calls);
      }
      try (ResponseCache cache = ResponseCaches.open(harness.registry(), location)) {
        CacheBench.InstantModel model = new CacheBench.InstantModel();
        CachingLanguageModel caching = CachingLanguageModel.of(model, cache, fp, instances);
        List<List<Object>> again = new ModelRunner(caching, 32, Progress.none()).run(instances);
        assertEquals(0, model.calls);
        assertEquals(100_000, caching.hits());
        assertEquals(first, again);
      }
    }
  }
}
