package org.lmeval.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.platform.Kernel;
import org.lmeval.platform.KernelConfig;

class ResponseCachesTest {
  @Test
  void noUseCacheMeansNoCache() {
    try (Kernel kernel = Kernel.start(KernelConfig.of())) {
      assertNull(ResponseCaches.open(kernel.registry(), null));
    }
  }

  @Test
  void withoutTheH2PluginUseCacheSaysWhatIsMissing() {
    try (Kernel kernel = Kernel.start(KernelConfig.of())) {
      EvalException e = assertThrows(EvalException.class, () -> ResponseCaches.open(kernel.registry(), "runs/x"));
      assertEquals(ErrorCode.CACHE_FAILURE, e.code());
      assertTrue(e.getMessage().contains("need the response cache 'h2' (plugin cache-h2), which is not installed"),
          e.getMessage());
    }
  }
}
