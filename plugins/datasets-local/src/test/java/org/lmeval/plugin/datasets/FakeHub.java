package org.lmeval.plugin.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Hugging Face Hub on loopback (127.0.0.1) speaking the protocol of docs/datasets.md: revision info, tree
 * listings paginated two entries a page with {@code Link: rel="next"}, {@code /resolve/} answering 302 to a
 * separate storage server (another port, so a different origin), gated repos (401/403 with
 * {@code X-Error-Code}), and 404s with {@code RevisionNotFound}/{@code EntryNotFound}. Logs every request.
 */
final class FakeHub implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** One commit: its files and card. */
  record Commit(Map<String, byte[]> files, JsonNode card) {}

  /** One repo: revision names to commits, commits, and the token it requires (null for public). */
  static final class Repo {
    final Map<String, String> refs = new LinkedHashMap<>();
    final Map<String, Commit> commits = new LinkedHashMap<>();
    String token;
  }

  /** A request seen: the method, raw path and query, and whether it carried an Authorization header. */
  record Seen(String server, String target, String authorization) {}

  final Map<String, Repo> repos = new ConcurrentHashMap<>();
  final List<Seen> log = new CopyOnWriteArrayList<>();
  private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
  private final HttpServer hub;
  private final HttpServer storage;

  FakeHub() throws IOException {
    hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    storage = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hub.createContext("/", this::handleHub);
    storage.createContext("/", this::handleStorage);
    hub.start();
    storage.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + hub.getAddress().getPort();
  }

  Repo repo(String id) {
    return repos.computeIfAbsent(id, k -> new Repo());
  }

  static String sha1(String seed) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(seed.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void handleStorage(HttpExchange ex) throws IOException {
    log.add(new Seen("storage", ex.getRequestURI().toString(), ex.getRequestHeaders().getFirst("Authorization")));
    byte[] body = blobs.get(ex.getRequestURI().getPath().substring("/blob/".length()));
    if (body == null) {
      send(ex, 404, new byte[0]);
    } else {
      send(ex, 200, body);
    }
  }

  private void handleHub(HttpExchange ex) throws IOException {
    String raw = ex.getRequestURI().getRawPath();
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    log.add(new Seen("hub", ex.getRequestURI().toString(), auth));
    try {
      if (raw.startsWith("/api/datasets/")) {
        api(ex, raw.substring("/api/datasets/".length()), auth);
      } else if (raw.startsWith("/datasets/")) {
        resolve(ex, raw.substring("/datasets/".length()), auth);
      } else {
        error(ex, 404, null, "no such page");
      }
    } catch (RuntimeException e) {
      error(ex, 500, null, e.toString());
    }
  }

  /** The repo of {@code path} (two segments), or null after answering the access error. */
  private Repo access(HttpExchange ex, String id, String auth) throws IOException {
    Repo repo = repos.get(id);
    String token = auth == null ? null : auth.replaceFirst("^Bearer ", "");
    if (repo == null) {
      error(ex, auth == null ? 401 : 404, "RepoNotFound", "Repository not found");
      return null;
    }
    if (repo.token != null && !repo.token.equals(token)) {
      if (token == null) {
        error(ex, 401, "GatedRepo", "Access to dataset " + id + " is restricted. You must be authenticated.");
      } else {
        error(ex, 401, null, "Invalid credentials in Authorization header");
      }
      return null;
    }
    return repo;
  }

  private String commitOf(Repo repo, String rev) {
    return repo.commits.containsKey(rev) ? rev : repo.refs.get(rev);
  }

  private void api(HttpExchange ex, String rest, String auth) throws IOException {
    String[] parts = rest.split("/", 4); // ns, name, revision|tree, rev
    if (parts.length < 4) {
      error(ex, 404, null, "not found");
      return;
    }
    Repo repo = access(ex, parts[0] + "/" + parts[1], auth);
    if (repo == null) {
      return;
    }
    String rev = URLDecoder.decode(parts[3], StandardCharsets.UTF_8);
    String commit = commitOf(repo, rev);
    if (commit == null) {
      error(ex, 404, "RevisionNotFound", "Invalid rev id: " + rev);
      return;
    }
    Commit c = repo.commits.get(commit);
    if (parts[2].equals("revision")) {
      ObjectNode info = JSON.createObjectNode();
      info.put("id", parts[0] + "/" + parts[1]);
      info.put("sha", commit);
      if (c.card() != null) {
        info.set("cardData", c.card());
      }
      json(ex, 200, info, null);
      return;
    }
    String query = ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery();
    int cursor = query.contains("cursor=") ? Integer.parseInt(query.replaceFirst(".*cursor=(\\d+).*", "$1")) : 0;
    List<String> paths = new ArrayList<>(c.files().keySet());
    ArrayNode page = JSON.createArrayNode();
    for (int i = cursor; i < Math.min(paths.size(), cursor + 2); i++) {
      ObjectNode e = page.addObject();
      e.put("type", "file");
      e.put("path", paths.get(i));
      e.put("size", c.files().get(paths.get(i)).length);
      e.put("oid", sha1(paths.get(i)));
    }
    String next = cursor + 2 < paths.size() ? "<" + endpoint() + "/api/datasets/" + parts[0] + "/" + parts[1]
        + "/tree/" + parts[3] + "?recursive=true&expand=false&cursor=" + (cursor + 2) + ">; rel=\"next\"" : null;
    json(ex, 200, page, next);
  }

  private void resolve(HttpExchange ex, String rest, String auth) throws IOException {
    String[] parts = rest.split("/", 5); // ns, name, "resolve", rev, path
    if (parts.length < 5 || !parts[2].equals("resolve")) {
      error(ex, 404, null, "not found");
      return;
    }
    Repo repo = access(ex, parts[0] + "/" + parts[1], auth);
    if (repo == null) {
      return;
    }
    String commit = commitOf(repo, URLDecoder.decode(parts[3], StandardCharsets.UTF_8));
    if (commit == null) {
      error(ex, 404, "RevisionNotFound", "Invalid rev id");
      return;
    }
    String path = URLDecoder.decode(parts[4], StandardCharsets.UTF_8);
    byte[] body = repo.commits.get(commit).files().get(path);
    ex.getResponseHeaders().add("X-Repo-Commit", commit);
    if (body == null) {
      error(ex, 404, "EntryNotFound", path + " does not exist");
      return;
    }
    if (path.endsWith(".parquet")) {
      String sha = sha256(body);
      blobs.put(sha, body);
      ex.getResponseHeaders().add("X-Linked-Etag", "\"" + sha + "\"");
      ex.getResponseHeaders().add("X-Linked-Size", String.valueOf(body.length));
      ex.getResponseHeaders().add("Location", "http://127.0.0.1:" + storage.getAddress().getPort() + "/blob/" + sha
          + "?signed=1");
      send(ex, 302, new byte[0]);
    } else {
      ex.getResponseHeaders().add("ETag", "\"" + sha1(new String(body, StandardCharsets.UTF_8)) + "\"");
      send(ex, 200, body);
    }
  }

  private static void json(HttpExchange ex, int status, JsonNode body, String link) throws IOException {
    ex.getResponseHeaders().add("Content-Type", "application/json");
    if (link != null) {
      ex.getResponseHeaders().add("Link", link);
    }
    send(ex, status, JSON.writeValueAsBytes(body));
  }

  private static void error(HttpExchange ex, int status, String code, String message) throws IOException {
    if (code != null) {
      ex.getResponseHeaders().add("X-Error-Code", code);
    }
    ex.getResponseHeaders().add("X-Error-Message", message);
    json(ex, status, JSON.createObjectNode().put("error", message), null);
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      ex.getResponseBody().write(body);
    }
    ex.close();
  }

  void stop() {
    hub.stop(0);
    storage.stop(0);
  }

  @Override
  public void close() {
    stop();
  }
}
