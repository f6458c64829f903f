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
 * @param osgi also run an embedded Felix framework for OSGi bundles in {@code pluginsDir}
 * @param strictPlugins make any plugin load failure fatal
 * @param workDir where extracted jars and Felix storage live
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
}
