package org.lmeval.plugin.h2cache;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.cache.CacheEntry;
import org.lmeval.api.cache.CacheSummary;
import org.lmeval.api.cache.ResponseCache;

/**
 * A response cache in one H2 database, over one JDBC connection.
 *
 * <p>Reads verify each entry's checksum ({@link EntryChecksum}) and fail with {@code CACHE_FAILURE} on a
 * mismatch. Writes are one transaction per {@link #putAll}, committed before it returns; the database runs with
 * {@code WRITE_DELAY 0}, so a commit is in the file when it returns and a process killed right after loses
 * nothing. Entries already present are kept (first writer wins); a write that collides with another process's
 * concurrent write of the same key is retried and then keeps theirs.
 */
final class H2ResponseCache implements ResponseCache {
  private static final int RETRIES = 8;
  private static final HexFormat HEX = HexFormat.of();

  private final Connector connector;
  private final H2Location where;
  private Connection connection;
  private final Map<String, Namespace> namespaces = new HashMap<>();
  private final Map<String, Integer> labels = new HashMap<>();
  private PreparedStatement lookup;
  private PreparedStatement insert;
  private boolean closed;

  private record Namespace(int id, String hash) {}

  /** Opens a new connection, ready for use (autocommit off, durable commits). */
  interface Connector {
    Connection connect() throws SQLException;
  }

  H2ResponseCache(Connection connection, Connector connector, H2Location where) {
    this.connection = connection;
    this.connector = connector;
    this.where = where;
  }

  @Override
  public synchronized Map<String, String> getAll(String namespace, Collection<String> keys) {
    checkOpen();
    if (keys.isEmpty()) {
      return new HashMap<>();
    }
    List<String> all = new ArrayList<>(keys);
    return withRetries("cannot read from", () -> lookupAll(namespace, all));
  }

  private Map<String, String> lookupAll(String namespace, List<String> all) throws SQLException {
    Map<String, String> found = new HashMap<>();
    Namespace ns = namespace(namespace, false);
    if (ns == null) {
      connection.commit();
      return found;
    }
    PreparedStatement p = lookup();
    p.setObject(1, all.toArray(String[]::new));
    p.setInt(2, ns.id());
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        String key = rs.getString(1);
        String value = rs.getString(2);
        if (value == null) {
          value = rs.getString(3);
        }
        long crc = rs.getLong(4);
        if (value == null || crc != EntryChecksum.of(ns.hash(), key, value)) {
          throw damaged("the entry " + key + " of namespace " + namespace + " fails its checksum");
        }
        found.put(key, value);
      }
    }
    connection.commit();
    return found;
  }

  @Override
  public void putAll(String namespace, Map<String, String> entries) {
    putAll(namespace, entries, Map.of());
  }

  @Override
  public synchronized void putAll(String namespace, Map<String, String> entries, Map<String, String> labelOf) {
    checkOpen();
    if (entries.isEmpty()) {
      return;
    }
    long now = System.currentTimeMillis();
    List<CacheEntry> rows = new ArrayList<>(entries.size());
    for (Map.Entry<String, String> e : entries.entrySet()) {
      rows.add(new CacheEntry(namespace, e.getKey(), e.getValue(), labelOf.get(e.getKey()), now));
    }
    insertAll(rows);
  }

  @Override
  public synchronized long importEntries(Collection<CacheEntry> entries) {
    checkOpen();
    return insertAll(new ArrayList<>(entries));
  }

  private long insertAll(List<CacheEntry> rows) {
    for (CacheEntry row : rows) {
      if (row.key().length() > CacheSchema.MAX_KEY) {
        throw new EvalException(ErrorCode.CACHE_FAILURE, "the response cache " + where.display() + " takes keys of "
            + "at most " + CacheSchema.MAX_KEY + " characters, got one of " + row.key().length());
      }
    }
    return withRetries("cannot write to", () -> {
      long added = 0;
      PreparedStatement p = insertStatement();
      for (CacheEntry row : rows) {
        Namespace ns = namespace(row.namespace(), true);
        Integer label = label(row.label());
        boolean inline = row.value().length() <= CacheSchema.MAX_INLINE_VALUE;
        p.setInt(1, ns.id());
        p.setString(2, row.key());
        if (inline) {
          p.setString(3, row.value());
          p.setNull(4, Types.CLOB);
        } else {
          p.setNull(3, Types.VARCHAR);
          p.setString(4, row.value());
        }
        p.setLong(5, EntryChecksum.of(ns.hash(), row.key(), row.value()));
        if (label == null) {
          p.setNull(6, Types.INTEGER);
        } else {
          p.setInt(6, label);
        }
        p.setLong(7, row.createdMillis());
        p.addBatch();
      }
      for (int count : p.executeBatch()) {
        added += Math.max(0, count);
      }
      connection.commit();
      return added;
    });
  }

  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  /**
   * Runs one transaction; a conflict with another process's transaction (duplicate key, deadlock, lock timeout)
   * or a connection broken because the process serving the file exited is retried, up to {@link #RETRIES} times.
   */
  private <T> T withRetries(String what, SqlWork<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.run();
      } catch (SQLException e) {
        rollbackQuietly(e);
        if (attempt < RETRIES && retryable(e)) {
          pause(attempt);
          if (reconnects(e)) {
            try {
              reconnect();
            } catch (SQLException again) {
              e.addSuppressed(again);
              if (attempt + 1 < RETRIES) {
                continue;
              }
              throw H2Errors.failure(what, where, e);
            }
          }
          continue;
        }
        throw H2Errors.failure(what, where, e);
      }
    }
  }

  @Override
  public synchronized String describe() {
    String schema = ", cache schema " + CacheSchema.VERSION;
    if (where.embedded()) {
      try {
        long bytes = Files.size(where.file());
        return "H2 file " + where.display() + " (" + humanBytes(bytes) + ")" + schema;
      } catch (java.io.IOException e) {
        return "H2 file " + where.display() + schema;
      }
    }
    return "H2 server " + where.display() + schema;
  }

  @Override
  public synchronized List<CacheSummary> summary() {
    checkOpen();
    try {
      Map<Integer, String> nsNames = names(CacheSchema.NAMESPACE);
      Map<Integer, String> labelNames = names(CacheSchema.LABEL);
      List<CacheSummary> out = new ArrayList<>();
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery("SELECT NS, LABEL, COUNT(*), SUM(COALESCE(CHAR_LENGTH(V), "
              + "CHAR_LENGTH(V_LOB))), MIN(CREATED), MAX(CREATED) FROM " + CacheSchema.ENTRY
              + " GROUP BY NS, LABEL ORDER BY NS, LABEL")) {
        while (rs.next()) {
          int ns = rs.getInt(1);
          int label = rs.getInt(2);
          String labelName = rs.wasNull() ? null : labelNames.get(label);
          String name = nsNames.get(ns);
          if (name == null) {
            throw damaged("entries refer to namespace " + ns + ", which is not in " + CacheSchema.NAMESPACE);
          }
          out.add(new CacheSummary(name, labelName, rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
        }
      }
      connection.commit();
      return out;
    } catch (SQLException e) {
      throw H2Errors.failure("cannot read from", where, e);
    }
  }

  @Override
  public synchronized long prune(Set<String> namespaceNames, long createdBeforeMillis) {
    checkOpen();
    long removed = 0;
    try {
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + CacheSchema.ENTRY
          + " WHERE NS = ? AND CREATED < ?");
          PreparedStatement dropEmpty = connection.prepareStatement("DELETE FROM " + CacheSchema.NAMESPACE
              + " n WHERE n.ID = ? AND NOT EXISTS (SELECT 1 FROM " + CacheSchema.ENTRY + " e WHERE e.NS = n.ID)")) {
        for (String name : namespaceNames) {
          Namespace ns = namespace(name, false);
          if (ns == null) {
            continue;
          }
          delete.setInt(1, ns.id());
          delete.setLong(2, createdBeforeMillis);
          removed += delete.executeUpdate();
          dropEmpty.setInt(1, ns.id());
          if (dropEmpty.executeUpdate() > 0) {
            namespaces.remove(name);
          }
        }
      }
      connection.commit();
      return removed;
    } catch (SQLException e) {
      rollbackQuietly(e);
      throw H2Errors.failure("cannot prune", where, e);
    }
  }

  @Override
  public synchronized void forEachEntry(Consumer<CacheEntry> sink) {
    checkOpen();
    try {
      Map<Integer, String> nsNames = names(CacheSchema.NAMESPACE);
      Map<Integer, String> labelNames = names(CacheSchema.LABEL);
      try (Statement s = connection.createStatement()) {
        s.setFetchSize(1000);
        try (ResultSet rs = s.executeQuery("SELECT NS, K, V, V_LOB, CRC, LABEL, CREATED FROM "
            + CacheSchema.ENTRY + " ORDER BY NS, K")) {
          while (rs.next()) {
            String name = nsNames.get(rs.getInt(1));
            if (name == null) {
              throw damaged("entries refer to namespace " + rs.getInt(1) + ", which is not in "
                  + CacheSchema.NAMESPACE);
            }
            String key = rs.getString(2);
            String value = rs.getString(3);
            if (value == null) {
              value = rs.getString(4);
            }
            if (value == null || rs.getLong(5) != EntryChecksum.of(sha256(name), key, value)) {
              throw damaged("the entry " + key + " of namespace " + name + " fails its checksum");
            }
            int label = rs.getInt(6);
            String labelName = rs.wasNull() ? null : labelNames.get(label);
            sink.accept(new CacheEntry(name, key, value, labelName, rs.getLong(7)));
          }
        }
      }
      connection.commit();
    } catch (SQLException e) {
      throw H2Errors.failure("cannot read from", where, e);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      connection.close();
    } catch (SQLException e) {
      throw H2Errors.failure("cannot close", where, e);
    }
  }

  @Override
  public String toString() {
    return "h2 cache " + where.display();
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private void checkOpen() {
    if (closed) {
      throw new EvalException(ErrorCode.CACHE_FAILURE, "the response cache " + where.display() + " is closed");
    }
  }

  /** One index lookup per key: the keys are an array parameter joined to the primary key (NS, K). */
  private PreparedStatement lookup() throws SQLException {
    if (lookup == null) {
      lookup = connection.prepareStatement("SELECT e.K, e.V, e.V_LOB, e.CRC FROM TABLE(K CHARACTER VARYING = ?) t "
          + "JOIN " + CacheSchema.ENTRY + " e ON e.NS = ? AND e.K = t.K");
    }
    return lookup;
  }

  private PreparedStatement insertStatement() throws SQLException {
    if (insert == null) {
      insert = connection.prepareStatement("MERGE INTO " + CacheSchema.ENTRY + " t USING (VALUES (CAST(? AS INT), "
          + "CAST(? AS CHARACTER VARYING), CAST(? AS CHARACTER VARYING), CAST(? AS CHARACTER LARGE OBJECT), "
          + "CAST(? AS BIGINT), CAST(? AS INT), CAST(? AS BIGINT))) s (NS, K, V, V_LOB, CRC, LABEL, CREATED) "
          + "ON t.NS = s.NS AND t.K = s.K WHEN NOT MATCHED THEN INSERT (NS, K, V, V_LOB, CRC, LABEL, CREATED) "
          + "VALUES (s.NS, s.K, s.V, s.V_LOB, s.CRC, s.LABEL, s.CREATED)");
    }
    return insert;
  }

  /** The namespace's id and hash; null when absent and not {@code create}. */
  private Namespace namespace(String name, boolean create) throws SQLException {
    Namespace ns = namespaces.get(name);
    if (ns != null) {
      return ns;
    }
    String hash = sha256(name);
    ns = findNamespace(name, hash);
    if (ns == null && create) {
      try (PreparedStatement p = connection.prepareStatement("MERGE INTO " + CacheSchema.NAMESPACE
          + " t USING (VALUES (CAST(? AS CHAR(64)), CAST(? AS CHARACTER VARYING))) s (HASH, NAME) ON t.HASH = s.HASH "
          + "WHEN NOT MATCHED THEN INSERT (HASH, NAME) VALUES (s.HASH, s.NAME)")) {
        p.setString(1, hash);
        p.setString(2, name);
        p.executeUpdate();
      }
      ns = findNamespace(name, hash);
    }
    if (ns != null) {
      namespaces.put(name, ns);
    }
    return ns;
  }

  private Namespace findNamespace(String name, String hash) throws SQLException {
    try (PreparedStatement p = connection.prepareStatement("SELECT ID, NAME FROM " + CacheSchema.NAMESPACE
        + " WHERE HASH = ?")) {
      p.setString(1, hash);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        if (!name.equals(rs.getString(2))) {
          throw damaged("the namespace row " + rs.getInt(1) + " does not match its hash");
        }
        return new Namespace(rs.getInt(1), hash);
      }
    }
  }

  private Integer label(String name) throws SQLException {
    if (name == null) {
      return null;
    }
    String label = name.length() > CacheSchema.MAX_LABEL ? name.substring(0, CacheSchema.MAX_LABEL) : name;
    Integer id = labels.get(label);
    if (id != null) {
      return id;
    }
    try (PreparedStatement p = connection.prepareStatement("MERGE INTO " + CacheSchema.LABEL + " t USING (VALUES "
        + "(CAST(? AS CHARACTER VARYING))) s (NAME) ON t.NAME = s.NAME WHEN NOT MATCHED THEN INSERT (NAME) "
        + "VALUES (s.NAME)")) {
      p.setString(1, label);
      p.executeUpdate();
    }
    try (PreparedStatement p = connection.prepareStatement("SELECT ID FROM " + CacheSchema.LABEL
        + " WHERE NAME = ?")) {
      p.setString(1, label);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        id = rs.getInt(1);
      }
    }
    labels.put(label, id);
    return id;
  }

  private Map<Integer, String> names(String table) throws SQLException {
    Map<Integer, String> names = new LinkedHashMap<>();
    boolean hashed = table.equals(CacheSchema.NAMESPACE);
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT ID, NAME" + (hashed ? ", HASH" : "") + " FROM " + table)) {
      while (rs.next()) {
        String name = rs.getString(2);
        if (hashed && !sha256(name).equals(rs.getString(3))) {
          throw damaged("the namespace row " + rs.getInt(1) + " does not match its hash");
        }
        names.put(rs.getInt(1), name);
      }
    }
    return names;
  }

  private void rollbackQuietly(SQLException cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
    // a rolled-back namespace or label insert may not exist: look them up again
    namespaces.clear();
    labels.clear();
  }

  private static boolean retryable(SQLException e) {
    int code = e.getErrorCode();
    return code == H2Errors.DUPLICATE_KEY || code == H2Errors.DEADLOCK || code == H2Errors.LOCK_TIMEOUT
        || reconnects(e);
  }

  /** The process serving the file exited (or is exiting): the cache opens a new connection. */
  private static boolean reconnects(SQLException e) {
    int code = e.getErrorCode();
    return code == H2Errors.CONNECTION_BROKEN || code == H2Errors.DATABASE_CALLED_AT_SHUTDOWN;
  }

  /**
   * A new connection after the process that served the file exited: this one may then serve it (AUTO_SERVER),
   * and statements are prepared again on it.
   */
  private void reconnect() throws SQLException {
    forgetStatements();
    try {
      connection.close();
    } catch (SQLException ignored) {
      // the old session is gone already
    }
    connection = connector.connect();
  }

  private void forgetStatements() {
    List<PreparedStatement> all = new ArrayList<>();
    if (lookup != null) {
      all.add(lookup);
    }
    if (insert != null) {
      all.add(insert);
    }
    for (PreparedStatement p : all) {
      try {
        p.close();
      } catch (SQLException ignored) {
        // the session is gone; nothing to release
      }
    }
    lookup = null;
    insert = null;
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(50L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private EvalException damaged(String problem) {
    return new EvalException(ErrorCode.CACHE_FAILURE, "the response cache " + where.display() + " is damaged: "
        + problem + "; delete it (responses will be computed again) or move it away to keep it");
  }

  static String sha256(String text) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  static String humanBytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
