package org.lmeval.cli;

import java.nio.file.Path;
import org.lmeval.platform.Kernel;
import picocli.CommandLine.Option;

/** The plugin-loading flags that every kernel-using command shares with {@code run}. */
final class KernelOptions {
  @Option(names = "--plugins_dir", paramLabel = "<dir>",
      description = "Folder of plugin jars and task bundles (default: <install dir>/plugins).")
  String pluginsDir;

  @Option(names = "--runtime", paramLabel = "classpath|osgi",
      description = "How plugins are loaded: classpath (one class loader each) or osgi (embedded Felix) "
          + "(default: classpath).")
  String runtime;

  @Option(names = "--strict_plugins", description = "Stop when any plugin fails to load.")
  boolean strictPlugins;

  /** The plugins folder: {@code --plugins_dir}, else the installation's, else null. */
  Path pluginsDir(CliEnvironment env) {
    return pluginsDir == null || pluginsDir.isEmpty() ? env.defaultPluginsDir() : env.resolve(pluginsDir);
  }

  Kernel start(CliEnvironment env) {
    Path dir = pluginsDir(env);
    boolean osgi;
    if (runtime == null || runtime.equals("classpath")) {
      osgi = false;
    } else if (runtime.equals("osgi")) {
      osgi = true;
    } else {
      throw CliException.usage("argument --runtime: invalid choice '" + runtime + "' (choose from classpath, osgi)");
    }
    return KernelLauncher.start(env, dir, osgi, strictPlugins);
  }
}
