package org.lmeval.plugin.djl.hf;

import java.util.function.Supplier;

/**
 * Runs code with the thread context class loader set to this plugin's loader: DJL finds its engines with
 * {@code ServiceLoader} on the context loader and extracts native libraries through it (architecture B5).
 */
public final class PluginContext {
  private PluginContext() {}

  public static <T> T call(Supplier<T> body) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(PluginContext.class.getClassLoader());
    try {
      return body.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
