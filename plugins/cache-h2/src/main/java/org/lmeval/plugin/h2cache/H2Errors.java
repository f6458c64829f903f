package org.lmeval.plugin.h2cache;

import java.sql.SQLException;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/** H2's errors as one clear line: what happened to which cache, and what to do. */
final class H2Errors {
  // org.h2.api.ErrorCode values (kept as numbers: they are H2's stable public codes)
  static final int DUPLICATE_KEY = 23505;
  static final int DEADLOCK = 40001;
  static final int LOCK_TIMEOUT = 50200;
  static final int WRONG_USER_OR_PASSWORD = 28000;
  static final int DATABASE_NOT_FOUND = 90013;
  static final int DATABASE_ALREADY_OPEN = 90020;
  static final int IO_EXCEPTION = 90028;
  static final int FILE_CORRUPTED = 90030;
  static final int IO_EXCEPTION_2 = 90031;
  static final int FILE_VERSION_ERROR = 90048;
  static final int FILE_CREATION_FAILED = 90062;
  static final int CONNECTION_BROKEN = 90067;
  static final int DATABASE_CALLED_AT_SHUTDOWN = 90121;
  static final int REMOTE_DATABASE_NOT_FOUND = 90149;
  static final int DATABASE_NOT_FOUND_WITH_IF_EXISTS = 90146;
  static final int GENERAL_ERROR = 50000;

  private H2Errors() {}

  /** A {@code CACHE_FAILURE} for {@code what} ("cannot open", "cannot read from", ...) the cache at {@code where}. */
  static EvalException failure(String what, H2Location where, SQLException e) {
    return new EvalException(ErrorCode.CACHE_FAILURE, what + " the response cache " + where.display() + ": "
        + reason(e) + hint(e, where), e);
  }

  /** H2's message without its error-code suffix and stack details, on one line. */
  static String reason(SQLException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    message = message.replaceAll("\\s*\\[\\d+-\\d+]\\s*$", "").trim();
    return message + " (H2 error " + e.getErrorCode() + ")";
  }

  private static String hint(SQLException e, H2Location where) {
    String damaged = "; the file is damaged: delete it (responses will be computed again) or move it away to keep it";
    return switch (e.getErrorCode()) {
      case FILE_CORRUPTED -> damaged;
      case GENERAL_ERROR -> String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("corrupt")
          ? damaged : "";
      case FILE_VERSION_ERROR -> "; it is not an H2 2.x database (another H2 version, or not H2 at all): give "
          + "another --use_cache path";
      case WRONG_USER_OR_PASSWORD -> "; it was created by another program or with other credentials";
      case DATABASE_ALREADY_OPEN -> "; another process holds it open without AUTO_SERVER; remove AUTO_SERVER=FALSE "
          + "or wait for that process";
      case DATABASE_NOT_FOUND, DATABASE_NOT_FOUND_WITH_IF_EXISTS, REMOTE_DATABASE_NOT_FOUND -> "";
      case CONNECTION_BROKEN, DATABASE_CALLED_AT_SHUTDOWN -> where.embedded() ? "; the process that shared it may have died: run again"
          : "; is `lm-eval cache serve` running there?";
      case IO_EXCEPTION, IO_EXCEPTION_2, FILE_CREATION_FAILED -> where.exists()
          ? "; the file is damaged or unreadable (truncated?): delete it (responses will be computed again) or move "
              + "it away to keep it"
          : "; check that the directory exists, is writable and the disk is not full";
      default -> "";
    };
  }
}
