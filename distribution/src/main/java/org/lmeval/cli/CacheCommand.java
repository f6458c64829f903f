package org.lmeval.cli;

import java.util.List;
import org.lmeval.platform.Kernel;
import org.lmeval.platform.cache.CacheCommands;

/**
 * {@code lm-eval cache stats|ls|prune|export|import|serve ...}: the response cache's own commands
 * ({@link CacheCommands}), run with the plugins of the default plugins folder (the cache kinds live there).
 */
final class CacheCommand {
  private CacheCommand() {}

  static int run(CliContext context, List<String> args) {
    try (Kernel kernel = KernelLauncher.start(context.env(), context.env().defaultPluginsDir(), false, false)) {
      new CacheCommands(kernel.registry()).run(context.out(), args);
      context.out().flush();
      return ExitCodes.OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.OK;
    }
  }
}
