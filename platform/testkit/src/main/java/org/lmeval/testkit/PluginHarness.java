package org.lmeval.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.lmeval.api.Plugin;
import org.lmeval.platform.Kernel;
import org.lmeval.platform.KernelConfig;
import org.lmeval.platform.plugin.PluginRegistry;
import org.lmeval.platform.plugin.PluginStatus;

/**
 * Runs a plugin through the real kernel, so a plugin's own tests catch what would break it in production: an
 * entry point missing from {@code META-INF/services/org.lmeval.api.Plugin}, a constructor that throws, invalid or
 * clashing component names, a manifest the kernel rejects.
 *
 * <pre>{@code
 * try (PluginHarness h = PluginHarness.load(MetricsPlugin.class)) {
 *   h.assertComponents("metric acc", "metric acc_norm", "aggregation mean");
 *   Metric acc = h.registry().metrics().get("acc").create(Options.empty());
 * }
 * }</pre>
 */
public final class PluginHarness implements AutoCloseable {
  private static final String SERVICES = "META-INF/services/" + Plugin.class.getName();

  private final Kernel kernel;
  private final PluginStatus status;
  private final Path temporary;

  private PluginHarness(Kernel kernel, PluginStatus status, Path temporary) {
    this.kernel = kernel;
    this.status = status;
    this.temporary = temporary;
  }

  /**
   * Loads {@code type} as the kernel finds it on a class path: it must be listed in a services file its class
   * loader sees, and is created by {@link ServiceLoader}. It is installed after {@code alongside} (e.g. the core
   * plugins), so a name clash with them fails here.
   *
   * @throws AssertionError saying what is wrong and how to fix it
   */
  public static PluginHarness load(Class<? extends Plugin> type, Plugin... alongside) {
    ClassLoader loader = type.getClassLoader();
    List<String> listed = listedEntryPoints(loader);
    if (!listed.contains(type.getName())) {
      throw new AssertionError(type.getName() + " is not listed in " + SERVICES + ", so the kernel will never find "
          + "it; add a line '" + type.getName() + "' to src/main/resources/" + SERVICES
          + (listed.isEmpty() ? "" : " (listed now: " + String.join(", ", listed) + ")"));
    }
    Plugin plugin;
    try {
      plugin = ServiceLoader.load(Plugin.class, loader).stream().filter(p -> p.type() == type).findFirst()
          .orElseThrow(() -> new AssertionError(type.getName() + " is listed in " + SERVICES
              + " but ServiceLoader does not offer it (is it public, with a public no-argument constructor?)"))
          .get();
    } catch (ServiceConfigurationError e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new AssertionError(type.getName() + " cannot be created as the kernel creates it: " + cause, cause);
    }
    List<Plugin> plugins = new ArrayList<>(List.of(alongside));
    plugins.add(plugin);
    Kernel kernel = Kernel.start(KernelConfig.of(plugins.toArray(Plugin[]::new)));
    List<PluginStatus> statuses = kernel.loadReport().plugins();
    return checked(kernel, statuses.get(statuses.size() - 1), null);
  }

  /**
   * Loads a built plugin jar (a plain jar or an OSGi bundle) from a temporary {@code plugins/} folder, as a user
   * who drops it there would, in class path mode or with {@code osgi} in embedded Felix.
   *
   * @throws AssertionError with the kernel's message if the jar does not load
   */
  public static PluginHarness loadJar(Path jar, boolean osgi) {
    Path temporary;
    try {
      temporary = Files.createTempDirectory("lmeval-harness-");
      Path plugins = Files.createDirectories(temporary.resolve("plugins"));
      Files.copy(jar, plugins.resolve(jar.getFileName()));
      Kernel kernel = Kernel.start(KernelConfig.pluginsFolder(plugins).withOsgi(osgi)
          .withWorkDir(temporary.resolve("work")));
      List<PluginStatus> statuses = kernel.loadReport().plugins();
      if (statuses.isEmpty()) {
        kernel.close();
        deleteTree(temporary);
        throw new AssertionError(jar + " did not produce a plugin: " + kernel.loadReport().skipped());
      }
      return checked(kernel, statuses.get(0), temporary);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PluginHarness checked(Kernel kernel, PluginStatus status, Path temporary) {
    List<PluginStatus> failures = kernel.loadReport().failures();
    if (!failures.isEmpty()) {
      kernel.close();
      if (temporary != null) {
        deleteTree(temporary);
      }
      throw new AssertionError("the plugin did not load: " + String.join("; ", kernel.loadReport()
          .failureSummaries()));
    }
    return new PluginHarness(kernel, status, temporary);
  }

  /** The running kernel (frozen registry, load report). */
  public Kernel kernel() {
    return kernel;
  }

  /** The registry, where every component is wrapped for the boundary as in production. */
  public PluginRegistry registry() {
    return kernel.registry();
  }

  /** The plugin's line of {@code lm-eval plugins}. */
  public PluginStatus status() {
    return status;
  }

  /** What the plugin registered, as "kind name" strings ("model dummy", "metric acc"), in registration order. */
  public List<String> components() {
    return status.components();
  }

  /** Asserts the plugin registered exactly these components, in any order. */
  public PluginHarness assertComponents(String... expected) {
    List<String> want = new ArrayList<>(List.of(expected));
    List<String> have = new ArrayList<>(components());
    Collections.sort(want);
    Collections.sort(have);
    if (!want.equals(have)) {
      throw new AssertionError("plugin " + status.id() + " registered " + have + ", expected " + want);
    }
    return this;
  }

  @Override
  public void close() {
    try {
      kernel.close();
    } finally {
      if (temporary != null) {
        deleteTree(temporary);
      }
    }
  }

  private static List<String> listedEntryPoints(ClassLoader loader) {
    List<String> names = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources(SERVICES))) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            int hash = line.indexOf('#');
            String name = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (!name.isEmpty()) {
              names.add(name);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SERVICES, e);
    }
    return names;
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover temporary folder does not fail a test
    }
  }
}
