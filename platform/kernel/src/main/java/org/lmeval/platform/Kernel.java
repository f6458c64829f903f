package org.lmeval.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Plugin;
import org.lmeval.platform.osgi.FelixPluginSource;
import org.lmeval.platform.plugin.ClasspathPluginSource;
import org.lmeval.platform.plugin.DirectoryPluginSource;
import org.lmeval.platform.plugin.LoadReport;
import org.lmeval.platform.plugin.Origin;
import org.lmeval.platform.plugin.PluginLoad;
import org.lmeval.platform.plugin.PluginRegistry;
import org.lmeval.platform.plugin.PluginSource;
import org.lmeval.platform.plugin.PluginStatus;

/**
 * The facade the CLI and tests use: loads plugins from every source into one registry, freezes it, and keeps the
 * plugins' class loaders (and the embedded Felix framework) alive until {@link #close()}.
 *
 * <p>Sources, in order (B5): the kernel's class path ({@link KernelConfig#scanClasspath()}), the
 * {@code plugins/} folder ({@link DirectoryPluginSource}; OSGi bundles are left to Felix when
 * {@link KernelConfig#osgi()}), the bundles of that folder in Felix ({@link FelixPluginSource}), then
 * {@link KernelConfig#extraPlugins()}. A plugin that fails is recorded in the {@link LoadReport} and loading goes
 * on; with {@link KernelConfig#strictPlugins()} any failure is fatal.
 */
public final class Kernel implements AutoCloseable {
  private final PluginRegistry registry;
  private final LoadReport loadReport;
  private final List<PluginSource> sources;
  private final Path workDir;
  private final Path temporaryWorkDir;

  private Kernel(PluginRegistry registry, LoadReport loadReport, List<PluginSource> sources, Path workDir,
      Path temporaryWorkDir) {
    this.registry = registry;
    this.loadReport = loadReport;
    this.sources = sources;
    this.workDir = workDir;
    this.temporaryWorkDir = temporaryWorkDir;
  }

  /** Loads every plugin the config names; load failures are recorded, or fatal with strictPlugins. */
  public static Kernel start(KernelConfig config) {
    List<PluginStatus> statuses = Collections.synchronizedList(new ArrayList<>());
    List<String> skipped = new ArrayList<>();
    List<PluginSource> sources = new ArrayList<>();
    PluginRegistry registry = new PluginRegistry(() -> snapshot(statuses).failureSummaries());
    Path temporaryWorkDir = null;
    try {
      Path workDir = config.workDir();
      if (workDir == null && config.pluginsDir() != null) {
        temporaryWorkDir = Files.createTempDirectory("lmeval-work-");
        workDir = temporaryWorkDir;
      }
      if (config.scanClasspath()) {
        installAll(registry, statuses, skipped, new ClasspathPluginSource(Kernel.class.getClassLoader()).load());
      }
      if (config.pluginsDir() != null) {
        DirectoryPluginSource directory = new DirectoryPluginSource(config.pluginsDir(), workDir, config.osgi(),
            Plugin.class.getClassLoader());
        sources.add(directory);
        installAll(registry, statuses, skipped, directory.load());
        if (config.osgi()) {
          FelixPluginSource felix = new FelixPluginSource(config.pluginsDir(), workDir);
          sources.add(felix);
          installAll(registry, statuses, skipped, felix.load());
        }
      }
      for (Plugin plugin : config.extraPlugins()) {
        ClassLoader loader = plugin.getClass().getClassLoader();
        installAll(registry, statuses, skipped, List.of(new PluginLoad.Loaded(
            new Origin(plugin.getClass().getName(), "", "test"), "",
            loader == null ? ClassLoader.getSystemClassLoader() : loader, List.of(plugin), List.of())));
      }
      LoadReport report = snapshot(statuses, skipped);
      if (config.strictPlugins() && !report.failures().isEmpty()) {
        throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED,
            "plugins failed to load (--strict-plugins): " + String.join("; ", report.failureSummaries()));
      }
      registry.freeze();
      return new Kernel(registry, report, sources, workDir, temporaryWorkDir);
    } catch (IOException e) {
      closeAll(sources, temporaryWorkDir, null);
      throw new UncheckedIOException("cannot create a work directory for the kernel", e);
    } catch (RuntimeException | Error e) {
      closeAll(sources, temporaryWorkDir, e);
      throw e;
    }
  }

  private static void installAll(PluginRegistry registry, List<PluginStatus> statuses, List<String> skipped,
      List<PluginLoad> loads) {
    for (PluginLoad load : loads) {
      if (load instanceof PluginLoad.Loaded loaded) {
        Origin o = loaded.origin();
        try {
          List<String> components = registry.install(loaded);
          statuses.add(new PluginStatus(o.pluginId(), o.version(), loaded.apiVersion(), o.source(), true,
              components, null));
        } catch (EvalException e) {
          statuses.add(new PluginStatus(o.pluginId(), o.version(), loaded.apiVersion(), o.source(), false,
              List.of(), e.getMessage()));
        }
      } else if (load instanceof PluginLoad.Failed failed) {
        Origin o = failed.origin();
        statuses.add(new PluginStatus(o.pluginId(), o.version(), failed.apiVersion(), o.source(), false,
            List.of(), failed.error().getMessage()));
      } else if (load instanceof PluginLoad.Skipped s) {
        skipped.add(s.source() + ": " + s.reason());
      }
    }
  }

  private static LoadReport snapshot(List<PluginStatus> statuses) {
    synchronized (statuses) {
      return new LoadReport(statuses);
    }
  }

  private static LoadReport snapshot(List<PluginStatus> statuses, List<String> skipped) {
    synchronized (statuses) {
      return new LoadReport(statuses, skipped);
    }
  }

  public PluginRegistry registry() {
    return registry;
  }

  public LoadReport loadReport() {
    return loadReport;
  }

  /**
   * Where extracted libraries and Felix storage live: {@link KernelConfig#workDir()}, or a temporary folder
   * (removed on close) when a plugins folder is used without one; empty when there is neither.
   */
  public Optional<Path> workDir() {
    return Optional.ofNullable(workDir);
  }

  /** Stops the Felix framework (if any), releases the plugins' class loaders and a temporary work folder. */
  @Override
  public void close() {
    closeAll(sources, temporaryWorkDir, null);
  }

  private static void closeAll(List<PluginSource> sources, Path temporaryWorkDir, Throwable pending) {
    RuntimeException failure = null;
    for (int i = sources.size() - 1; i >= 0; i--) {
      try {
        sources.get(i).close();
      } catch (RuntimeException e) {
        if (pending != null) {
          pending.addSuppressed(e);
        } else if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    sources.clear();
    if (temporaryWorkDir != null) {
      try (Stream<Path> walk = Files.walk(temporaryWorkDir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException | UncheckedIOException e) {
        // A leftover temporary folder is harmless; the OS cleans its temp space.
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
