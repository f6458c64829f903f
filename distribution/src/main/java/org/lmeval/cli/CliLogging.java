package org.lmeval.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.lmeval.cli.args.FlagValues;

/**
 * Log output of the {@code org.lmeval} loggers (java.util.logging) on standard error, one line per record:
 * {@code WARNING [cli] message}. The level comes from lm-eval's sources: {@code LMEVAL_LOG_LEVEL} when it
 * names a level (it wins, as in lm-eval), else {@code --verbosity}, else WARNING (lm-eval's default is INFO;
 * lm-eval-java is quiet unless asked). Python level names map to JUL levels: DEBUG → FINE, INFO → INFO,
 * WARNING/WARN → WARNING, ERROR/CRITICAL/FATAL → SEVERE, NOTSET → ALL.
 */
final class CliLogging implements AutoCloseable {
  private static final Logger ROOT = Logger.getLogger("org.lmeval");
  private final Handler handler;
  private final Level previousLevel;
  private final boolean previousUseParent;

  private CliLogging(Handler handler, Level previousLevel, boolean previousUseParent) {
    this.handler = handler;
    this.previousLevel = previousLevel;
    this.previousUseParent = previousUseParent;
  }

  /** Sends {@code org.lmeval} records to {@code err} at {@code level} until closed. */
  static CliLogging install(Level level, PrintWriter err) {
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (isLoggable(record)) {
          synchronized (err) {
            err.print(getFormatter().format(record));
            err.flush();
          }
        }
      }

      @Override
      public void flush() {
        err.flush();
      }

      @Override
      public void close() {
        err.flush();
      }
    };
    handler.setFormatter(new LineFormatter());
    handler.setLevel(Level.ALL);
    CliLogging logging = new CliLogging(handler, ROOT.getLevel(), ROOT.getUseParentHandlers());
    ROOT.addHandler(handler);
    ROOT.setUseParentHandlers(false);
    setLevel(level);
    return logging;
  }

  /**
   * Changes the level of the installed output. Libraries inside plugins (DJL, ONNX Runtime's Java side,
   * Hadoop, ...) log through java.util.logging's root: they stay quiet unless --verbosity asks for INFO or finer.
   */
  static void setLevel(Level level) {
    ROOT.setLevel(level);
    Logger.getLogger("").setLevel(level.intValue() <= Level.INFO.intValue() ? level : Level.SEVERE);
  }

  /** The level for {@code verbosity} (a Python level name or null) under lm-eval's precedence. */
  static Level effectiveLevel(String verbosity, CliEnvironment env) {
    Optional<Level> fromEnv = env.getenv(CliEnvironment.LOG_LEVEL_ENV).flatMap(CliLogging::toJul);
    if (fromEnv.isPresent()) {
      return fromEnv.get();
    }
    return Optional.ofNullable(verbosity).flatMap(CliLogging::toJul).orElse(Level.WARNING);
  }

  /** Whether stack traces are shown: the effective level is DEBUG or finer. */
  static boolean isDebug() {
    Level level = ROOT.getLevel();
    return level != null && level.intValue() <= Level.FINE.intValue();
  }

  static Optional<Level> toJul(String pythonLevel) {
    String name = pythonLevel.trim().toUpperCase(Locale.ROOT);
    if (!FlagValues.LOG_LEVELS.contains(name)) {
      return Optional.empty();
    }
    return Optional.of(switch (name) {
      case "DEBUG" -> Level.FINE;
      case "INFO" -> Level.INFO;
      case "WARN", "WARNING" -> Level.WARNING;
      case "NOTSET" -> Level.ALL;
      default -> Level.SEVERE;
    });
  }

  @Override
  public void close() {
    ROOT.removeHandler(handler);
    ROOT.setLevel(previousLevel);
    ROOT.setUseParentHandlers(previousUseParent);
  }

  /** {@code LEVEL [logger] message}, Python level names, the logger's last name part. */
  private static final class LineFormatter extends Formatter {
    @Override
    public String format(LogRecord record) {
      String name = record.getLoggerName() == null ? "" : record.getLoggerName();
      String shortName = name.substring(name.lastIndexOf('.') + 1);
      StringBuilder b = new StringBuilder()
          .append(pythonName(record.getLevel())).append(" [").append(shortName).append("] ")
          .append(formatMessage(record)).append(System.lineSeparator());
      if (record.getThrown() != null && isDebug()) {
        java.io.StringWriter trace = new java.io.StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        b.append(trace);
      }
      return b.toString();
    }

    private static String pythonName(Level level) {
      int v = level.intValue();
      if (v >= Level.SEVERE.intValue()) {
        return "ERROR";
      }
      if (v >= Level.WARNING.intValue()) {
        return "WARNING";
      }
      if (v >= Level.INFO.intValue()) {
        return "INFO";
      }
      return "DEBUG";
    }
  }
}
