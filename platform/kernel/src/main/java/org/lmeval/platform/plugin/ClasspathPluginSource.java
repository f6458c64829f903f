package org.lmeval.platform.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Spliterator;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.lmeval.api.ApiVersion;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Plugin;
import org.lmeval.platform.boundary.Boundary;

/**
 * Plugins on the kernel's own class path (tests, embedding): every {@code Plugin} its class loader's
 * {@link ServiceLoader} finds. A provider whose jar (or classes folder) has a plugin manifest gets that id,
 * version and API check; otherwise its class name is its id. Entry points of the same jar form one plugin.
 */
public final class ClasspathPluginSource implements PluginSource {
  private static final String SOURCE = "classpath";
  private final ClassLoader loader;
  private final ApiVersion runtime;

  public ClasspathPluginSource(ClassLoader loader) {
    this.loader = loader;
    this.runtime = ApiVersion.current();
  }

  @Override
  public List<PluginLoad> load() {
    List<PluginLoad> failures = new ArrayList<>();
    Map<Object, Group> groups = new LinkedHashMap<>();
    Boundary classpath = new Boundary(SOURCE, "", "", loader);
    Spliterator<ServiceLoader.Provider<Plugin>> providers = ServiceLoader.load(Plugin.class, loader).stream()
        .spliterator();
    boolean more = true;
    while (more) {
      List<ServiceLoader.Provider<Plugin>> next = new ArrayList<>(1);
      try {
        more = providers.tryAdvance(next::add);
      } catch (ServiceConfigurationError e) {
        failures.add(new PluginLoad.Failed(new Origin(SOURCE, "", SOURCE), "",
            new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "class path: " + e.getMessage(), e)));
        continue;
      }
      for (ServiceLoader.Provider<Plugin> provider : next) {
        Class<? extends Plugin> type = provider.type();
        PluginDescriptor descriptor;
        try {
          descriptor = descriptorOf(type);
          if (descriptor != null) {
            descriptor.checkCompatible(runtime, SOURCE);
          }
        } catch (EvalException e) {
          failures.add(new PluginLoad.Failed(new Origin(type.getName(), "", SOURCE), "", e));
          continue;
        }
        Origin origin = descriptor == null ? new Origin(type.getName(), "", SOURCE)
            : new Origin(descriptor.id(), descriptor.version(), SOURCE);
        String api = descriptor == null ? "" : descriptor.apiVersion().toString();
        Boundary boundary = descriptor == null ? classpath
            : new Boundary(descriptor.id(), descriptor.version(), api, loader);
        try {
          Plugin plugin = boundary.call("entry point " + type.getName(), "creation", ErrorCode.PLUGIN_LOAD_FAILED,
              () -> DirectoryPluginSource.create(provider));
          Object key = descriptor == null ? type : descriptor.id();
          groups.computeIfAbsent(key, k -> new Group(origin, api)).plugins.add(plugin);
        } catch (EvalException e) {
          failures.add(new PluginLoad.Failed(origin, api, e));
        }
      }
    }
    List<PluginLoad> results = new ArrayList<>();
    ClassLoader tccl = loader;
    for (Group g : groups.values()) {
      ClassLoader pluginLoader = g.plugins.get(0).getClass().getClassLoader();
      results.add(new PluginLoad.Loaded(g.origin, g.api, pluginLoader == null ? tccl : pluginLoader, g.plugins,
          List.of()));
    }
    results.addAll(failures);
    return results;
  }

  private static final class Group {
    final Origin origin;
    final String api;
    final List<Plugin> plugins = new ArrayList<>();

    Group(Origin origin, String api) {
      this.origin = origin;
      this.api = api;
    }
  }

  /** The plugin manifest of the jar or classes folder the type comes from, or null if it has none. */
  private static PluginDescriptor descriptorOf(Class<?> type) {
    CodeSource cs = type.getProtectionDomain().getCodeSource();
    if (cs == null || cs.getLocation() == null) {
      return null;
    }
    Manifest manifest;
    try {
      manifest = manifestAt(cs.getLocation());
    } catch (IOException | URISyntaxException | IllegalArgumentException e) {
      return null;
    }
    if (manifest == null || manifest.getMainAttributes().getValue(PluginDescriptor.PLUGIN_ID) == null) {
      return null;
    }
    return PluginDescriptor.read(manifest, cs.getLocation().toString());
  }

  private static Manifest manifestAt(URL location) throws IOException, URISyntaxException {
    Path path = Path.of(location.toURI());
    if (Files.isDirectory(path)) {
      Path mf = path.resolve("META-INF/MANIFEST.MF");
      if (!Files.isRegularFile(mf)) {
        return null;
      }
      try (InputStream in = Files.newInputStream(mf)) {
        return new Manifest(in);
      }
    }
    if (Files.isRegularFile(path)) {
      try (JarFile jar = new JarFile(path.toFile())) {
        return jar.getManifest();
      }
    }
    return null;
  }
}
