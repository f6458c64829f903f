package org.lmeval.platform.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@link PluginClassLoader} per plugin per JVM: kernels that load the same plugin jars at the same time
 * share its loader (a native library binds to one class loader only; TF and DJL rely on this). A loader is
 * closed when the last kernel using it releases it.
 */
public final class PluginClassLoaders {
  private record Key(String pluginId, List<String> urls) {}

  private static final class Entry {
    final PluginClassLoader loader;
    int users;

    Entry(PluginClassLoader loader) {
      this.loader = loader;
    }
  }

  private static final Map<Key, Entry> LOADERS = new HashMap<>();

  private PluginClassLoaders() {}

  /** The loader for these jars, created on first use; pair every call with {@link #release}. */
  public static synchronized PluginClassLoader acquire(String pluginId, List<URL> urls, ClassLoader apiLoader) {
    Key key = key(pluginId, urls);
    Entry entry = LOADERS.computeIfAbsent(key, k -> new Entry(new PluginClassLoader(pluginId, urls, apiLoader)));
    entry.users++;
    return entry.loader;
  }

  /** Gives back a loader from {@link #acquire}; the last release closes it. */
  public static void release(PluginClassLoader loader) {
    PluginClassLoader toClose = null;
    synchronized (PluginClassLoaders.class) {
      for (var it = LOADERS.entrySet().iterator(); it.hasNext(); ) {
        Entry entry = it.next().getValue();
        if (entry.loader == loader) {
          if (--entry.users == 0) {
            it.remove();
            toClose = loader;
          }
          break;
        }
      }
    }
    if (toClose != null) {
      try {
        toClose.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close the class loader of plugin " + loader.pluginId(), e);
      }
    }
  }

  /** How many kernels use the loader of these jars right now (0 if none). */
  static synchronized int users(String pluginId, List<URL> urls) {
    Entry entry = LOADERS.get(key(pluginId, urls));
    return entry == null ? 0 : entry.users;
  }

  private static Key key(String pluginId, List<URL> urls) {
    // URL.equals resolves host names; compare the normalized text of the URIs instead.
    return new Key(pluginId, urls.stream().map(u -> {
      try {
        return u.toURI().normalize().toString();
      } catch (URISyntaxException e) {
        return u.toExternalForm();
      }
    }).toList());
  }
}
