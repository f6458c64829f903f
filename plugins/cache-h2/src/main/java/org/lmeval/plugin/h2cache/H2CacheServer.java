package org.lmeval.plugin.h2cache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.h2.tools.Server;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.cache.ResponseCacheServer;

/**
 * An H2 TCP server for caches ({@code lm-eval cache serve}): clients use
 * {@code --use_cache jdbc:h2:tcp://HOST:PORT/NAME}, which is the cache file {@code BASE_DIR/NAME.mv.db} on the
 * server's machine (created on first use). The server holds the files; clients on several machines share them.
 */
final class H2CacheServer implements ResponseCacheServer {
  private final Server server;
  private final String location;

  private H2CacheServer(Server server, String location) {
    this.server = server;
    this.location = location;
  }

  static H2CacheServer start(int port, Path baseDir, boolean allowOthers) {
    if (port < 0 || port > 65535) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "cache serve: port must be in [0, 65535], got " + port);
    }
    try {
      Files.createDirectories(baseDir);
    } catch (java.io.IOException e) {
      throw new EvalException(ErrorCode.CACHE_FAILURE, "cache serve: cannot create the directory " + baseDir + ": "
          + e.getMessage(), e);
    }
    List<String> args = new ArrayList<>(List.of("-tcpPort", Integer.toString(port), "-baseDir", baseDir.toString(),
        "-ifNotExists", "-tcpDaemon"));
    if (allowOthers) {
      args.add("-tcpAllowOthers");
    }
    try {
      Server server = Server.createTcpServer(args.toArray(String[]::new)).start();
      String host = allowOthers ? java.net.InetAddress.getLocalHost().getHostName() : "localhost";
      return new H2CacheServer(server, "jdbc:h2:tcp://" + host + ":" + server.getPort() + "/<name>");
    } catch (SQLException e) {
      throw new EvalException(ErrorCode.CACHE_FAILURE, "cache serve: cannot start the H2 server on port " + port
          + ": " + H2Errors.reason(e) + " (is the port in use? give another with --port)", e);
    } catch (java.net.UnknownHostException e) {
      throw new EvalException(ErrorCode.CACHE_FAILURE, "cache serve: cannot name this host: " + e.getMessage(), e);
    }
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public void close() {
    server.stop();
  }
}
