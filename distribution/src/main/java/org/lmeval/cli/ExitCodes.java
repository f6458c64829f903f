package org.lmeval.cli;

import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import picocli.CommandLine;

/**
 * The exit codes of {@code lm-eval} and the one place where errors are mapped to them.
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><td>0</td><td>success</td></tr>
 *   <tr><td>1</td><td>the evaluation or a model backend failed (and {@code validate} found missing tasks)</td></tr>
 *   <tr><td>2</td><td>usage error: a flag, a flag value or a name the user typed is not valid</td></tr>
 *   <tr><td>3</td><td>plugin or configuration error: a plugin, a task definition or a config file is broken</td></tr>
 * </table>
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;
  public static final int CONFIGURATION = 3;

  private ExitCodes() {}

  /** The exit code for an {@link ErrorCode}. */
  public static int forErrorCode(ErrorCode code) {
    return switch (code) {
      case INVALID_ARGUMENT, UNKNOWN_COMPONENT -> USAGE;
      case INVALID_TASK, PLUGIN_INCOMPATIBLE, PLUGIN_LOAD_FAILED -> CONFIGURATION;
      case UNSUPPORTED_REQUEST, BACKEND_UNAVAILABLE, BACKEND_FAILURE, CACHE_FAILURE -> FAILURE;
    };
  }

  /** The exit code for anything a command throws. */
  public static int forThrowable(Throwable t) {
    if (t instanceof CliException e) {
      return e.exitCode();
    }
    if (t instanceof EvalException e) {
      return forErrorCode(e.code());
    }
    if (t instanceof CommandLine.ParameterException) {
      return USAGE;
    }
    return FAILURE;
  }
}
