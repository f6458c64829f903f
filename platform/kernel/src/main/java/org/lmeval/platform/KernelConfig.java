package org.lmeval.platform;

import java.nio.file.Path;
import java.util.List;
import org.lmeval.api.Plugin;

/**
 * How the kernel finds plugins.
 *
 * @param pluginsDir the {@code plugins/} folder, or null for none
 * @param scanClasspath also load {@code Plugin}s visible to the kernel's own class loader (tests, embedding)
 * @param extraPlugins plugin instances given directly (tests)
 * @param osgi also run an embedded Felix framework for the OSGi bundles in {@code pluginsDir}
 * @param strictPlugins make any plugin load failure fatal ({@code PLUGIN_LOAD_FAILED})
 * @param workDir where extracted jars and Felix storage live; null for a temporary folder removed on close
 */
public record KernelConfig(Path pluginsDir, boolean scanClasspath, List<Plugin> extraPlugins, boolean osgi,
    boolean strictPlugins, Path workDir) {
  public KernelConfig {
    extraPlugins = extraPlugins == null ? List.of() : List.copyOf(extraPlugins);
  }

  /** Only the plugins on the kernel's class path: what tests of the kernel and of plugins use. */
  public static KernelConfig classpath() {
    return new KernelConfig(null, true, List.of(), false, false, null);
  }

  /** The plugins in a {@code plugins/} folder, in class path mode (no OSGi), nothing from the class path. */
  public static KernelConfig pluginsFolder(Path pluginsDir) {
    return new KernelConfig(pluginsDir, false, List.of(), false, false, null);
  }

  /** Only the given plugin instances (tests). */
  public static KernelConfig of(Plugin... plugins) {
    return new KernelConfig(null, false, List.of(plugins), false, false, null);
  }

  public KernelConfig withPluginsDir(Path dir) {
    return new KernelConfig(dir, scanClasspath, extraPlugins, osgi, strictPlugins, workDir);
  }

  public KernelConfig withScanClasspath(boolean scan) {
    return new KernelConfig(pluginsDir, scan, extraPlugins, osgi, strictPlugins, workDir);
  }

  public KernelConfig withExtraPlugins(List<Plugin> plugins) {
    return new KernelConfig(pluginsDir, scanClasspath, plugins, osgi, strictPlugins, workDir);
  }

  public KernelConfig withOsgi(boolean on) {
    return new KernelConfig(pluginsDir, scanClasspath, extraPlugins, on, strictPlugins, workDir);
  }

  public KernelConfig withStrictPlugins(boolean strict) {
    return new KernelConfig(pluginsDir, scanClasspath, extraPlugins, osgi, strict, workDir);
  }

  public KernelConfig withWorkDir(Path dir) {
    return new KernelConfig(pluginsDir, scanClasspath, extraPlugins, osgi, strictPlugins, dir);
  }
}
