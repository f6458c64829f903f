package org.lmeval.plugin.h2cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.cache.ResponseCache;
import org.lmeval.api.cache.ResponseCacheFactory;
import org.lmeval.api.cache.ResponseCacheServer;

/**
 * The response cache {@code h2}.
 *
 * <p>{@link #open} options: {@code location} (required; see {@link H2Location}), {@code auto_server} (default
 * true: several processes may use one file at once, through H2's AUTO_SERVER mode), {@code create} (default
 * true; false refuses a location that holds no cache yet, for {@code lm-eval cache stats} and friends).
 *
 * <p>{@link #serve} options: {@code port} (default 9092), {@code base_dir} (default the working directory: where
 * the caches it serves live), {@code allow_others} (default false: only this machine may connect).
 */
public final class H2ResponseCacheFactory implements ResponseCacheFactory {
  /** The user every cache is created with; the cache holds no secrets, so the credentials are fixed. */
  static final String USER = "LMEVAL";
  static final String PASSWORD = "lmeval";
  private static final byte[] H2_HEADER = "H:2,".getBytes(StandardCharsets.US_ASCII);

  @Override
  public String name() {
    return "h2";
  }

  @Override
  public ResponseCache open(Options options) {
    String location = options.requireString("location");
    boolean autoServer = options.bool("auto_server").orElse(true);
    boolean create = options.bool("create").orElse(true);
    H2Location where = H2Location.parse(location);
    if (where.embedded()) {
      checkFile(where, create);
    }
    String url = where.url() + settings(where, autoServer, create);
    Connection connection;
    try {
      connection = connect(url);
    } catch (SQLException e) {
      if (!create && isNotFound(e)) {
        throw new EvalException(ErrorCode.CACHE_FAILURE, "there is no response cache at " + where.display(), e);
      }
      throw H2Errors.failure("cannot open", where, e);
    }
    try {
      CacheSchema.prepare(connection, where, create);
      connection.commit();
      return new H2ResponseCache(connection, () -> connect(url), where);
    } catch (SQLException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      if (e instanceof SQLException sql) {
        throw H2Errors.failure("cannot open", where, sql);
      }
      throw (RuntimeException) e;
    }
  }

  /** A connection with autocommit off and durable commits. */
  private static Connection connect(String url) throws SQLException {
    Properties credentials = new Properties();
    credentials.setProperty("user", USER);
    credentials.setProperty("password", PASSWORD);
    Connection connection = new org.h2.Driver().connect(url, credentials);
    if (connection == null) {
      throw new SQLException("H2 does not accept the URL " + url);
    }
    try {
      connection.setAutoCommit(false);
      durable(connection);
      return connection;
    } catch (SQLException e) {
      try {
        connection.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  @Override
  public ResponseCacheServer serve(Options options) {
    int port = options.intValue("port", 9092);
    Path baseDir = Path.of(options.string("base_dir", ".")).toAbsolutePath().normalize();
    boolean allowOthers = options.bool("allow_others").orElse(false);
    return H2CacheServer.start(port, baseDir, allowOthers);
  }

  /** Commits are written to the file when they return (H2's default delays them by up to half a second). */
  private static void durable(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("SET WRITE_DELAY 0");
    } catch (SQLException e) {
      // a server-side cache created by another user: its owner sets the delay; reads and writes still work
      if (e.getErrorCode() != 90040) { // ADMIN_RIGHTS_REQUIRED
        throw e;
      }
    }
  }

  private static String settings(H2Location where, boolean autoServer, boolean create) {
    if (!where.embedded()) {
      return create ? "" : ";IFEXISTS=TRUE";
    }
    String upper = where.url().toUpperCase(Locale.ROOT);
    StringBuilder s = new StringBuilder();
    if (upper.contains(";AUTO_SERVER=")) {
      autoServer = upper.contains(";AUTO_SERVER=TRUE");
    } else if (autoServer) {
      s.append(";AUTO_SERVER=TRUE");
    }
    if (!autoServer && !upper.contains(";DB_CLOSE_ON_EXIT=")) {
      // plugins install no shutdown hooks, and every commit is already durable; H2's AUTO_SERVER mode needs its
      // hook (it hands the file over to another process at exit), so it keeps it
      s.append(";DB_CLOSE_ON_EXIT=FALSE");
    }
    if (!upper.contains(";TRACE_LEVEL_FILE=")) {
      s.append(";TRACE_LEVEL_FILE=0"); // errors reach the user as EvalExceptions, not a .trace.db file
    }
    if (!create) {
      s.append(";IFEXISTS=TRUE");
    }
    return s.toString();
  }

  /** Refuses, with one clear line, what H2 would fail on obscurely or silently overwrite. */
  private static void checkFile(H2Location where, boolean create) {
    Path file = where.file();
    if (Files.isDirectory(file)) {
      throw failure(where, "is a directory, not an H2 database file");
    }
    if (Files.exists(file)) {
      long size;
      byte[] head = new byte[H2_HEADER.length];
      int read;
      try (InputStream in = Files.newInputStream(file)) {
        size = Files.size(file);
        read = in.readNBytes(head, 0, head.length);
      } catch (IOException e) {
        throw failure(where, "cannot be read: " + e);
      }
      if (size == 0) {
        throw failure(where, "is empty (0 bytes), not an H2 database; delete it to start a new cache");
      }
      if (read < head.length || !java.util.Arrays.equals(head, H2_HEADER)) {
        throw failure(where, "is not an H2 database (it does not start with an H2 2.x header); give another "
            + "--use_cache path");
      }
      if (!Files.isWritable(file)) {
        throw failure(where, "is not writable");
      }
      return;
    }
    if (!create) {
      throw new EvalException(ErrorCode.CACHE_FAILURE, "there is no response cache at " + where.display());
    }
    Path dir = file.getParent();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw failure(where, "cannot be created: the directory " + dir + " cannot be created ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }
    if (!Files.isWritable(dir)) {
      throw failure(where, "cannot be created: the directory " + dir + " is not writable");
    }
  }

  private static boolean isNotFound(SQLException e) {
    int code = e.getErrorCode();
    return code == H2Errors.DATABASE_NOT_FOUND || code == H2Errors.DATABASE_NOT_FOUND_WITH_IF_EXISTS
        || code == H2Errors.REMOTE_DATABASE_NOT_FOUND;
  }

  private static EvalException failure(H2Location where, String problem) {
    return new EvalException(ErrorCode.CACHE_FAILURE, "the response cache " + where.display() + " " + problem);
  }
}
