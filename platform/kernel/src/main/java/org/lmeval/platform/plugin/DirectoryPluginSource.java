package org.lmeval.platform.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Spliterator;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.lmeval.api.ApiVersion;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Plugin;
import org.lmeval.api.task.TaskSource;
import org.lmeval.platform.task.JarTaskSource;
import org.lmeval.platform.boundary.Boundary;

/**
 * The {@code plugins/} folder in class path mode (B4, B5). Its entries are taken in sorted order:
 * <ul>
 *   <li>a single jar: the plugin, with the {@code Bundle-ClassPath} libraries it embeds extracted once to
 *       {@code <workDir>/plugins/<id>/<version>/};</li>
 *   <li>a directory {@code plugins/<id>/}: one plugin jar (the one with {@code LmEval-Plugin-Id}) plus loose
 *       library jars (Trino's layout);</li>
 *   <li>anything else is reported as skipped.</li>
 * </ul>
 * Each plugin gets a {@link PluginClassLoader} (one per plugin per JVM, see {@link PluginClassLoaders}); its
 * entry points come from {@link ServiceLoader}, each created in its own try with the plugin's loader as TCCL.
 * With {@code leaveBundlesToOsgi}, single jars that are OSGi bundles are left to the Felix source.
 */
public final class DirectoryPluginSource implements PluginSource {
  private static final String SERVICES = "META-INF/services/" + Plugin.class.getName();
  private static final String EXTRACTED_MARKER = ".extracted-from";

  private final Path pluginsDir;
  private final Path workDir;
  private final boolean leaveBundlesToOsgi;
  private final ClassLoader apiLoader;
  private final ApiVersion runtime;
  private final List<PluginClassLoader> loaders = new ArrayList<>();

  /**
   * @param pluginsDir the {@code plugins/} folder
   * @param workDir where embedded libraries are extracted ({@code <workDir>/plugins/<id>/<version>/})
   * @param leaveBundlesToOsgi skip single jars that have a {@code Bundle-SymbolicName} (Felix loads them)
   * @param apiLoader the class loader that defines {@code org.lmeval.api}
   */
  public DirectoryPluginSource(Path pluginsDir, Path workDir, boolean leaveBundlesToOsgi, ClassLoader apiLoader) {
    this.pluginsDir = pluginsDir;
    this.workDir = workDir;
    this.leaveBundlesToOsgi = leaveBundlesToOsgi;
    this.apiLoader = apiLoader;
    this.runtime = ApiVersion.current();
  }

  @Override
  public List<PluginLoad> load() {
    if (!Files.isDirectory(pluginsDir)) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "plugins folder " + pluginsDir + " is not a directory");
    }
    List<Path> entries;
    try (Stream<Path> list = Files.list(pluginsDir)) {
      entries = list.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    } catch (IOException e) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "cannot list plugins folder " + pluginsDir + ": " + e, e);
    }
    List<PluginLoad> results = new ArrayList<>();
    for (Path entry : entries) {
      if (Files.isDirectory(entry)) {
        results.addAll(loadDirectory(entry));
      } else if (isJar(entry) && Files.isRegularFile(entry)) {
        results.addAll(loadJar(entry));
      } else {
        results.add(new PluginLoad.Skipped(entry.toString(),
            "not a plugin: plugins/ holds plugin jars and plugin directories plugins/<id>/ of jars"));
      }
    }
    return results;
  }

  private List<PluginLoad> loadJar(Path jar) {
    String source = jar.toString();
    String fallbackId = stripJar(jar.getFileName().toString());
    PluginDescriptor descriptor;
    try {
      descriptor = PluginDescriptor.read(readManifest(jar), source);
    } catch (EvalException e) {
      return List.of(new PluginLoad.Failed(new Origin(fallbackId, "", source), "", e));
    }
    if (leaveBundlesToOsgi && descriptor.isBundle()) {
      return List.of();
    }
    return loadPlugin(descriptor, jar, List.of(), source);
  }

  private List<PluginLoad> loadDirectory(Path dir) {
    String source = dir.toString();
    String dirName = dir.getFileName().toString();
    List<Path> jars;
    try (Stream<Path> list = Files.list(dir)) {
      jars = list.filter(p -> isJar(p) && Files.isRegularFile(p))
          .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    } catch (IOException e) {
      return List.of(new PluginLoad.Failed(new Origin(dirName, "", source), "",
          new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "cannot list plugin directory " + dir + ": " + e, e)));
    }
    if (jars.isEmpty()) {
      return List.of(new PluginLoad.Skipped(source, "not a plugin: a plugin directory plugins/<id>/ holds jars,"
          + " this one holds none"));
    }
    List<Path> pluginJars = new ArrayList<>();
    Manifest pluginManifest = null;
    try {
      for (Path jar : jars) {
        Manifest m = readManifest(jar);
        if (m != null && m.getMainAttributes().getValue(PluginDescriptor.PLUGIN_ID) != null) {
          pluginJars.add(jar);
          pluginManifest = m;
        }
      }
    } catch (EvalException e) {
      return List.of(new PluginLoad.Failed(new Origin(dirName, "", source), "", e));
    }
    if (pluginJars.size() != 1) {
      String problem = pluginJars.isEmpty()
          ? "no jar in it has a " + PluginDescriptor.PLUGIN_ID + " manifest header"
          : "it holds " + pluginJars.size() + " plugin jars (" + String.join(", ",
              pluginJars.stream().map(p -> p.getFileName().toString()).toList()) + ")";
      return List.of(new PluginLoad.Failed(new Origin(dirName, "", source), "",
          new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "plugin directory " + dir + ": " + problem
              + "; a plugin directory holds exactly one plugin jar plus its library jars")));
    }
    Path pluginJar = pluginJars.get(0);
    PluginDescriptor descriptor;
    try {
      descriptor = PluginDescriptor.read(pluginManifest, pluginJar.toString());
    } catch (EvalException e) {
      return List.of(new PluginLoad.Failed(new Origin(dirName, "", source), "", e));
    }
    if (!descriptor.id().equals(dirName)) {
      return List.of(failed(descriptor, source, new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "plugin directory "
          + dir + ": its plugin jar " + pluginJar.getFileName() + " declares " + PluginDescriptor.PLUGIN_ID + " '"
          + descriptor.id() + "'; the directory must be named after the plugin id (plugins/" + descriptor.id()
          + "/)")));
    }
    List<Path> libraries = jars.stream().filter(j -> !j.equals(pluginJar)).toList();
    return loadPlugin(descriptor, pluginJar, libraries, source);
  }

  private List<PluginLoad> loadPlugin(PluginDescriptor descriptor, Path pluginJar, List<Path> libraries,
      String source) {
    try {
      descriptor.checkCompatible(runtime, source);
    } catch (EvalException e) {
      return List.of(failed(descriptor, source, e));
    }
    List<URL> urls = new ArrayList<>();
    try {
      urls.add(pluginJar.toUri().toURL());
      for (Path extracted : extractBundleClassPath(descriptor, pluginJar, source)) {
        urls.add(extracted.toUri().toURL());
      }
      for (Path library : libraries) {
        urls.add(library.toUri().toURL());
      }
    } catch (EvalException e) {
      return List.of(failed(descriptor, source, e));
    } catch (IOException | UncheckedIOException e) {
      return List.of(failed(descriptor, source, new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "plugin "
          + descriptor.label() + " (" + source + "): cannot prepare its class path: " + e.getMessage(), e)));
    }
    PluginClassLoader loader = PluginClassLoaders.acquire(descriptor.id(), urls, apiLoader);
    List<PluginLoad> results = discover(descriptor, source, loader, pluginJar);
    if (results.stream().anyMatch(r -> r instanceof PluginLoad.Loaded)) {
      loaders.add(loader);
    } else {
      PluginClassLoaders.release(loader);
    }
    return results;
  }

  /** Creates the plugin's entry points, each in its own try, and its task source. */
  private List<PluginLoad> discover(PluginDescriptor descriptor, String source, PluginClassLoader loader,
      Path pluginJar) {
    Origin origin = new Origin(descriptor.id(), descriptor.version(), source);
    String api = descriptor.apiVersion().toString();
    Boundary boundary = new Boundary(descriptor.id(), descriptor.version(), api, loader);
    List<PluginLoad> failures = new ArrayList<>();
    List<Plugin> plugins = new ArrayList<>();
    Spliterator<ServiceLoader.Provider<Plugin>> providers =
        ServiceLoader.load(Plugin.class, loader).stream().spliterator();
    boolean more = true;
    while (more) {
      List<ServiceLoader.Provider<Plugin>> next = new ArrayList<>(1);
      try {
        more = providers.tryAdvance(next::add);
      } catch (ServiceConfigurationError e) {
        failures.add(new PluginLoad.Failed(origin, api, entryPointError(boundary, descriptor, source, e)));
        continue;
      }
      for (ServiceLoader.Provider<Plugin> provider : next) {
        try {
          plugins.add(boundary.call("entry point " + provider.type().getName(), "creation",
              ErrorCode.PLUGIN_LOAD_FAILED, () -> create(provider)));
        } catch (EvalException e) {
          failures.add(new PluginLoad.Failed(origin, api, e));
        }
      }
    }
    List<TaskSource> taskSources = new ArrayList<>();
    if (descriptor.tasks().isPresent()) {
      try {
        String folder = descriptor.tasks().get();
        JarTaskSource tasks = new JarTaskSource(descriptor.id(), pluginJar, folder);
        if (tasks.files().isEmpty()) {
          throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, pluginJar + " (plugin " + descriptor.id() + "): "
              + PluginDescriptor.TASKS + " names folder '" + folder + "', which holds no files in the jar");
        }
        taskSources.add(tasks);
      } catch (EvalException e) {
        failures.add(new PluginLoad.Failed(origin, api, e));
      } catch (UncheckedIOException e) {
        failures.add(new PluginLoad.Failed(origin, api, new EvalException(ErrorCode.PLUGIN_LOAD_FAILED,
            "plugin " + descriptor.label() + " (" + source + "): " + e.getMessage(), e)));
      }
    }
    List<PluginLoad> results = new ArrayList<>(failures);
    if (!plugins.isEmpty() || !taskSources.isEmpty()) {
      results.add(0, new PluginLoad.Loaded(origin, api, loader, plugins, taskSources));
    } else if (failures.isEmpty()) {
      results.add(failed(descriptor, source, new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "plugin "
          + descriptor.label() + " (" + source + ") has nothing to load: no " + SERVICES
          + " entry and no " + PluginDescriptor.TASKS + " header; list the plugin's entry point class in "
          + SERVICES)));
    }
    return results;
  }

  /** A {@link ServiceConfigurationError} from the lookup itself (a listed class missing, not a Plugin). */
  static EvalException entryPointError(Boundary boundary, PluginDescriptor descriptor, String source,
      ServiceConfigurationError e) {
    Throwable cause = e.getCause();
    if (cause instanceof LinkageError || cause instanceof VirtualMachineError) {
      return (EvalException) boundary.translate(cause, "an entry point listed in " + SERVICES, "lookup",
          ErrorCode.PLUGIN_LOAD_FAILED);
    }
    return new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "plugin " + descriptor.label() + " (" + source + "): "
        + SERVICES + ": " + e.getMessage() + (cause == null ? "" : " (" + cause + ")"), e);
  }

  /**
   * Extracts the plugin jar's {@code Bundle-ClassPath} entries (jars or folders) once to
   * {@code <workDir>/plugins/<id>/<version>/}, re-extracting only when the jar changed. Returns them in order.
   */
  private List<Path> extractBundleClassPath(PluginDescriptor descriptor, Path jar, String source)
      throws IOException {
    if (descriptor.bundleClassPath().isEmpty()) {
      return List.of();
    }
    if (workDir == null) {
      throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "plugin " + descriptor.label() + " (" + source
          + ") embeds libraries (Bundle-ClassPath) but the kernel has no work directory to extract them to");
    }
    Path target = workDir.resolve("plugins").resolve(descriptor.id())
        .resolve(descriptor.version().isEmpty() ? "unversioned" : descriptor.version());
    String stamp = jar.toAbsolutePath() + "\n" + Files.size(jar) + "\n" + Files.getLastModifiedTime(jar).toMillis();
    Path marker = target.resolve(EXTRACTED_MARKER);
    boolean fresh = Files.isRegularFile(marker)
        && Files.readString(marker, StandardCharsets.UTF_8).equals(stamp);
    List<Path> paths = new ArrayList<>();
    if (fresh) {
      for (String entry : descriptor.bundleClassPath()) {
        paths.add(target.resolve(entry));
      }
      return paths;
    }
    Files.createDirectories(target.getParent());
    Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".extracting-");
    try (JarFile file = new JarFile(jar.toFile())) {
      for (String entry : descriptor.bundleClassPath()) {
        JarEntry e = file.getJarEntry(entry);
        String folder = entry.endsWith("/") ? entry : entry + "/";
        boolean isFolder = (e != null && e.isDirectory())
            || (e == null && file.stream().anyMatch(x -> x.getName().startsWith(folder)));
        if (e == null && !isFolder) {
          throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "plugin " + descriptor.label() + " (" + source
              + "): Bundle-ClassPath entry '" + entry + "' is not in the jar");
        }
        if (isFolder) {
          for (JarEntry x : file.stream().filter(x -> x.getName().startsWith(folder) && !x.isDirectory()).toList()) {
            copy(file, x, staging.resolve(x.getName()), staging);
          }
          Files.createDirectories(staging.resolve(entry));
        } else {
          copy(file, e, staging.resolve(entry), staging);
        }
        paths.add(target.resolve(entry));
      }
      Files.writeString(staging.resolve(EXTRACTED_MARKER), stamp, StandardCharsets.UTF_8);
      deleteTree(target);
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        // Another process extracted the same version meanwhile; use its copy if it is complete.
        if (!Files.isRegularFile(marker)) {
          throw raced;
        }
      }
    } finally {
      deleteTree(staging);
    }
    return paths;
  }

  private static void copy(JarFile file, JarEntry entry, Path to, Path root) throws IOException {
    Path normalized = to.normalize();
    if (!normalized.startsWith(root)) {
      throw new IOException("jar entry '" + entry.getName() + "' points outside the extraction folder");
    }
    Files.createDirectories(normalized.getParent());
    try (InputStream in = file.getInputStream(entry)) {
      Files.copy(in, normalized, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (NoSuchFileException ignored) {
      // already gone
    }
  }

  private static Manifest readManifest(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.getManifest();
    } catch (IOException e) {
      throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, jar + " cannot be read as a jar: " + e.getMessage(), e);
    }
  }

  private static PluginLoad.Failed failed(PluginDescriptor descriptor, String source, EvalException e) {
    return new PluginLoad.Failed(new Origin(descriptor.id(), descriptor.version(), source),
        descriptor.apiVersion().toString(), e);
  }

  private static boolean isJar(Path p) {
    return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar");
  }

  private static String stripJar(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
  }

  /** Releases the class loaders of the plugins this source loaded. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (PluginClassLoader loader : loaders) {
      try {
        PluginClassLoaders.release(loader);
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    loaders.clear();
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * {@code Provider.get()}, with the constructor's own exception instead of the {@link ServiceConfigurationError}
   * that wraps it, so messages say what went wrong.
   */
  static Plugin create(ServiceLoader.Provider<Plugin> provider) {
    try {
      return provider.get();
    } catch (ServiceConfigurationError e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
