package org.lmeval.platform.plugin;

import java.util.List;
import java.util.Objects;
import org.lmeval.api.EvalException;
import org.lmeval.api.Plugin;
import org.lmeval.api.task.TaskSource;

/** What a {@link PluginSource} found for one entry: a loaded plugin, a failure, or something skipped. */
public sealed interface PluginLoad permits PluginLoad.Loaded, PluginLoad.Failed, PluginLoad.Skipped {

  /**
   * A plugin whose entry points were created, ready for {@link PluginRegistry#install(Loaded)}.
   *
   * @param origin id, version and source
   * @param apiVersion the API version it was built for, or "" if unknown (class path plugins without manifest)
   * @param loader the plugin's class loader: the TCCL for every call into it
   * @param plugins its entry points, in services-file order
   * @param taskSources task sources the kernel made for it (its {@code LmEval-Tasks} folder)
   */
  record Loaded(Origin origin, String apiVersion, ClassLoader loader, List<Plugin> plugins,
      List<TaskSource> taskSources) implements PluginLoad {
    public Loaded {
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(loader, "loader");
      plugins = List.copyOf(plugins);
      taskSources = List.copyOf(taskSources);
    }
  }

  /**
   * An entry that should have been a plugin and is not.
   *
   * @param origin id (the file name when the manifest could not be read), version and source
   * @param apiVersion the API version it declared, or ""
   * @param error why, with a code: {@code PLUGIN_LOAD_FAILED} or {@code PLUGIN_INCOMPATIBLE}
   */
  record Failed(Origin origin, String apiVersion, EvalException error) implements PluginLoad {
    public Failed {
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(error, "error");
    }
  }

  /**
   * An entry of {@code plugins/} that is not a plugin form (neither a jar nor a directory of jars).
   *
   * @param source the path
   * @param reason why it was skipped
   */
  record Skipped(String source, String reason) implements PluginLoad {}
}
