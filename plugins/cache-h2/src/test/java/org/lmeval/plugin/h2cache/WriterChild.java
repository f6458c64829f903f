package org.lmeval.plugin.h2cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmeval.api.cache.ResponseCache;
import org.lmeval.platform.Kernel;
import org.lmeval.platform.KernelConfig;
import org.lmeval.platform.cache.ResponseCaches;

/**
 * Writes to a shared cache from its own JVM, as a run would (through the kernel): COUNT entries of its own
 * ({@code NAME-i}) and COUNT shared ones every writer writes ({@code shared-i}, same value), in batches of 10,
 * reading each batch back, pausing MILLIS between batches. Arguments: LOCATION NAME COUNT MILLIS [GO_FILE]. Prints
 * {@code OPENED}, waits for GO_FILE to exist when given, then prints {@code WRITING <epoch ms>} before the first
 * write and {@code OK <epoch ms>} after the last.
 */
public final class WriterChild {
  private WriterChild() {}

  static String value(String key) {
    return "response to " + key;
  }

  public static void main(String[] args) {
    String location = args[0];
    String name = args[1];
    int count = Integer.parseInt(args[2]);
    long pause = Long.parseLong(args[3]);
    Kernel kernel = Kernel.start(KernelConfig.of(new H2CachePlugin()));
    try (ResponseCache cache = ResponseCaches.open(kernel.registry(), location)) {
      System.out.println("OPENED");
      System.out.flush();
      if (args.length > 4) {
        awaitFile(java.nio.file.Path.of(args[4]));
      }
      System.out.println("WRITING " + System.currentTimeMillis());
      System.out.flush();
      for (int start = 0; start < count; start += 10) {
        Map<String, String> batch = new LinkedHashMap<>();
        for (int i = start; i < Math.min(count, start + 10); i++) {
          batch.put(name + "-" + i, value(name + "-" + i));
          batch.put("shared-" + i, value("shared-" + i));
        }
        List<String> keys = new ArrayList<>(batch.keySet());
        Map<String, String> before = cache.getAll("ns", keys);
        cache.putAll("ns", batch, Map.of());
        Map<String, String> after = cache.getAll("ns", keys);
        if (!after.equals(batch)) {
          throw new AssertionError(name + ": batch at " + start + " reads back " + after + " (before " + before + ")");
        }
        if (pause > 0) {
          try {
            Thread.sleep(pause);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    System.out.println("OK " + System.currentTimeMillis());
  }

  private static void awaitFile(java.nio.file.Path go) {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (!java.nio.file.Files.exists(go)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no " + go + " after 120 s");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
