package org.lmeval.platform.osgi;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.lmeval.api.ApiVersion;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.platform.plugin.Origin;
import org.lmeval.platform.plugin.PluginDescriptor;
import org.lmeval.platform.plugin.PluginLoad;
import org.lmeval.platform.plugin.PluginSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The OSGi bundles of the {@code plugins/} folder, hosted by an embedded framework (Felix) (B5). The framework
 * comes from {@link ServiceLoader} over {@link FrameworkFactory} (no Felix class is referenced); its storage is
 * {@code <workDir>/felix}, cleaned on first init; the system bundle exports the api packages computed by
 * {@link ApiExports}. Every single jar of the folder with a {@code Bundle-SymbolicName} is installed and started;
 * the {@link PluginExtender} turns it into a plugin. The framework runs until {@link #close()}, which stops it and
 * waits for it to stop. Plain jars and plugin directories are left to the
 * {@link org.lmeval.platform.plugin.DirectoryPluginSource}.
 */
public final class FelixPluginSource implements PluginSource {
  private static final System.Logger LOG = System.getLogger(FelixPluginSource.class.getName());
  private static final long STOP_TIMEOUT_MILLIS = 30_000;

  private final Path pluginsDir;
  private final Path workDir;
  private final ApiVersion runtime;
  private Framework framework;
  private PluginExtender extender;

  /**
   * @param pluginsDir the {@code plugins/} folder
   * @param workDir the kernel's work folder; the framework's storage is {@code <workDir>/felix}
   */
  public FelixPluginSource(Path pluginsDir, Path workDir) {
    this.pluginsDir = pluginsDir;
    this.workDir = workDir;
    this.runtime = ApiVersion.current();
  }

  @Override
  public List<PluginLoad> load() {
    List<PluginLoad> results = new ArrayList<>();
    Map<Path, PluginDescriptor> bundleJars = new LinkedHashMap<>();
    for (Path jar : jars()) {
      PluginDescriptor d;
      try (JarFile file = new JarFile(jar.toFile())) {
        d = PluginDescriptor.read(file.getManifest(), jar.toString());
      } catch (IOException | EvalException e) {
        continue; // not a readable plugin jar: the directory source reports it
      }
      if (!d.isBundle()) {
        continue;
      }
      String source = "osgi:" + d.symbolicName();
      try {
        d.checkCompatible(runtime, source + " " + jar);
        bundleJars.put(jar, d);
      } catch (EvalException e) {
        results.add(new PluginLoad.Failed(new Origin(d.id(), d.version(), source), d.apiVersion().toString(), e));
      }
    }
    if (bundleJars.isEmpty()) {
      return results;
    }
    try {
      startFramework();
    } catch (EvalException e) {
      for (PluginDescriptor d : bundleJars.values()) {
        results.add(new PluginLoad.Failed(new Origin(d.id(), d.version(), "osgi:" + d.symbolicName()),
            d.apiVersion().toString(), e));
      }
      return results;
    }
    BundleContext context = framework.getBundleContext();
    Map<Bundle, PluginDescriptor> installed = new LinkedHashMap<>();
    Map<Bundle, EvalException> startFailures = new HashMap<>();
    for (Map.Entry<Path, PluginDescriptor> e : bundleJars.entrySet()) {
      PluginDescriptor d = e.getValue();
      try {
        installed.put(context.installBundle(e.getKey().toUri().toString()), d);
      } catch (BundleException | RuntimeException ex) {
        results.add(new PluginLoad.Failed(new Origin(d.id(), d.version(), "osgi:" + d.symbolicName()),
            d.apiVersion().toString(), new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "bundle " + d.symbolicName()
                + " (" + e.getKey() + ") could not be installed: " + ex.getMessage(), ex)));
      }
    }
    try {
      framework.start();
    } catch (BundleException ex) {
      throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "the OSGi framework could not start: " + ex.getMessage(),
          ex);
    }
    for (Map.Entry<Bundle, PluginDescriptor> e : installed.entrySet()) {
      Bundle bundle = e.getKey();
      if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
        continue;
      }
      try {
        bundle.start();
      } catch (BundleException | RuntimeException ex) {
        PluginDescriptor d = e.getValue();
        startFailures.put(bundle, new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "bundle " + d.symbolicName()
            + " (plugin " + d.label() + ", " + bundle.getLocation() + ") could not be started: " + ex.getMessage(),
            ex));
      }
    }
    for (Map.Entry<Bundle, PluginDescriptor> e : installed.entrySet()) {
      Bundle bundle = e.getKey();
      PluginDescriptor d = e.getValue();
      EvalException startFailure = startFailures.get(bundle);
      if (startFailure != null) {
        results.add(new PluginLoad.Failed(new Origin(d.id(), d.version(), PluginExtender.source(bundle)),
            d.apiVersion().toString(), startFailure));
        continue;
      }
      List<PluginLoad> found = extender.results(bundle);
      if (found.isEmpty()) {
        results.add(new PluginLoad.Failed(new Origin(d.id(), d.version(), PluginExtender.source(bundle)),
            d.apiVersion().toString(), new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "bundle "
                + d.symbolicName() + " (plugin " + d.label() + ") did not resolve; state "
                + state(bundle.getState()))));
      } else {
        results.addAll(found);
      }
    }
    return results;
  }

  private void startFramework() {
    Optional<FrameworkFactory> factory = ServiceLoader.load(FrameworkFactory.class,
        FelixPluginSource.class.getClassLoader()).findFirst();
    if (factory.isEmpty()) {
      throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "OSGi mode needs an OSGi framework on the class path"
          + " (no org.osgi.framework.launch.FrameworkFactory service found; add org.apache.felix.framework)");
    }
    Map<String, String> config = new HashMap<>();
    config.put(Constants.FRAMEWORK_STORAGE, workDir.resolve("felix").toAbsolutePath().toString());
    config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
    config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, ApiExports.systemPackagesExtra());
    // Framework problems reach us as FrameworkEvents and BundleExceptions; keep Felix's own logger quiet.
    config.put("felix.log.level", "0");
    try {
      framework = factory.get().newFramework(config);
      framework.init();
      framework.getBundleContext().addFrameworkListener(event -> {
        if (event.getType() == FrameworkEvent.ERROR || event.getType() == FrameworkEvent.WARNING) {
          LOG.log(event.getType() == FrameworkEvent.ERROR ? Level.WARNING : Level.INFO,
              "OSGi: " + event.getBundle().getSymbolicName() + ": "
                  + (event.getThrowable() == null ? "" : event.getThrowable().getMessage()));
        }
      });
      extender = new PluginExtender(framework.getBundleContext());
      extender.open();
    } catch (BundleException | RuntimeException e) {
      stopQuietly();
      throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "the OSGi framework could not be initialized: "
          + e.getMessage(), e);
    }
  }

  private List<Path> jars() {
    if (!Files.isDirectory(pluginsDir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(pluginsDir)) {
      return list.filter(p -> Files.isRegularFile(p)
              && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
          .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    } catch (IOException e) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "cannot list plugins folder " + pluginsDir + ": " + e, e);
    }
  }

  /** The running framework, or null if no bundle needed one. */
  public Framework framework() {
    return framework;
  }

  /** Stops the framework and waits for it to stop. */
  @Override
  public void close() {
    if (extender != null) {
      extender.close();
      extender = null;
    }
    if (framework == null) {
      return;
    }
    try {
      framework.stop();
      FrameworkEvent event = framework.waitForStop(STOP_TIMEOUT_MILLIS);
      if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
        throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "the OSGi framework did not stop within "
            + STOP_TIMEOUT_MILLIS / 1000 + " s");
      }
    } catch (BundleException e) {
      throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "the OSGi framework could not stop: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      framework = null;
    }
  }

  private void stopQuietly() {
    try {
      if (framework != null) {
        framework.stop();
        framework.waitForStop(STOP_TIMEOUT_MILLIS);
      }
    } catch (BundleException | RuntimeException e) {
      LOG.log(Level.DEBUG, "stopping the OSGi framework after a failed init", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      framework = null;
    }
  }

  private static String state(int state) {
    return switch (state) {
      case Bundle.INSTALLED -> "INSTALLED";
      case Bundle.RESOLVED -> "RESOLVED";
      case Bundle.STARTING -> "STARTING";
      case Bundle.ACTIVE -> "ACTIVE";
      case Bundle.STOPPING -> "STOPPING";
      case Bundle.UNINSTALLED -> "UNINSTALLED";
      default -> String.valueOf(state);
    };
  }
}
