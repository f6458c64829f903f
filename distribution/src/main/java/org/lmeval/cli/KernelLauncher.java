package org.lmeval.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lmeval.platform.Kernel;
import org.lmeval.platform.KernelConfig;

/** Starts the kernel the way every command does: the plugins folder, the runtime, the cache directory. */
final class KernelLauncher {
  private KernelLauncher() {}

  /**
   * @param pluginsDir the plugins folder, or null for none
   * @param osgi run OSGi bundles in an embedded Felix ({@code --runtime osgi})
   * @param strict any plugin load failure is fatal ({@code --strict_plugins})
   */
  static Kernel start(CliEnvironment env, Path pluginsDir, boolean osgi, boolean strict) {
    if (pluginsDir != null && !Files.isDirectory(pluginsDir)) {
      throw CliException.config("plugins folder not found: " + pluginsDir
          + " (see docs/troubleshooting.md#plugins-folder-not-found)");
    }
    return env.kernelStarter().apply(new KernelConfig(pluginsDir, false, List.of(), osgi, strict, env.cacheDir()));
  }
}
