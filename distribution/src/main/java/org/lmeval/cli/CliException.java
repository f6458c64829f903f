package org.lmeval.cli;

/**
 * An error the command line itself detects (a usage or configuration error), with its exit code. The
 * message is one line for the user and may end with a pointer to {@code docs/troubleshooting.md}.
 */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** A usage error (exit code 2). */
  public static CliException usage(String message) {
    return new CliException(ExitCodes.USAGE, message);
  }

  /** A configuration error (exit code 3). */
  public static CliException config(String message) {
    return new CliException(ExitCodes.CONFIGURATION, message);
  }

  public int exitCode() {
    return exitCode;
  }
}
