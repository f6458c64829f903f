package org.lmeval.platform.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;

/**
 * The class loader of one plugin (Trino's {@code PluginClassLoader}): its parent is the platform class loader,
 * so the plugin sees the JDK and its own jars but never the kernel's libraries (Jackson, SnakeYAML, Velocity,
 * Felix). Only the API is shared: class names starting with {@code org.lmeval.api.} and resources under
 * {@code org/lmeval/api/} come from the API's class loader, so the plugin and the kernel agree on
 * {@code org.lmeval.api.Plugin}.
 */
public final class PluginClassLoader extends URLClassLoader {
  private static final String API_PACKAGE = "org.lmeval.api.";
  private static final String API_RESOURCES = "org/lmeval/api/";

  static {
    registerAsParallelCapable();
  }

  private final String pluginId;
  private final ClassLoader apiLoader;

  /**
   * @param pluginId the plugin id, for messages and {@link #toString()}
   * @param urls the plugin jar and its libraries, in lookup order
   * @param apiLoader the class loader that defines {@code org.lmeval.api}
   */
  public PluginClassLoader(String pluginId, List<URL> urls, ClassLoader apiLoader) {
    super("plugin:" + pluginId, urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
    this.apiLoader = Objects.requireNonNull(apiLoader, "apiLoader");
  }

  public String pluginId() {
    return pluginId;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith(API_PACKAGE)) {
      return apiLoader.loadClass(name);
    }
    return super.loadClass(name, resolve);
  }

  @Override
  public URL getResource(String name) {
    if (isApiResource(name)) {
      return apiLoader.getResource(name);
    }
    return super.getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    if (isApiResource(name)) {
      return apiLoader.getResources(name);
    }
    return super.getResources(name);
  }

  private static boolean isApiResource(String name) {
    String n = name.startsWith("/") ? name.substring(1) : name;
    return n.startsWith(API_RESOURCES);
  }

  @Override
  public String toString() {
    return "PluginClassLoader[" + pluginId + "]";
  }
}
