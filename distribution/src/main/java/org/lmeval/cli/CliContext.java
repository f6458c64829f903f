package org.lmeval.cli;

import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a command runs with: the process environment and the two output streams.
 *
 * @param env the environment and kernel seams
 * @param out standard output: results, tables, listings
 * @param err standard error: warnings, log records, errors
 */
record CliContext(CliEnvironment env, PrintWriter out, PrintWriter err) {
  private static final Logger LOG = Logger.getLogger("org.lmeval.cli");

  /** lm-eval's {@code eval_logger.warning}: a log record, shown unless the level is above WARNING. */
  void warn(String message) {
    LOG.log(Level.WARNING, message);
  }

  /** lm-eval's {@code eval_logger.info}. */
  void info(String message) {
    LOG.log(Level.INFO, message);
  }

  /** A warning that is always printed, as one line on standard error. */
  void notice(String message) {
    err.println("lm-eval: warning: " + message);
    err.flush();
  }
}
