package org.lmeval.testkit.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A Hugging Face Hub on loopback (127.0.0.1) speaking the protocol of the Hub for model and dataset repos:
 * revision info ({@code /api/{models|datasets}/{repo}/revision/{rev}}), tree listings paginated two entries a
 * page with {@code Link: rel="next"}, {@code /resolve/} answering text files itself and everything else with a
 * 302 to a separate storage server (another port, so a different origin, as the Hub's CDN), gated repos
 * (401/403 with {@code X-Error-Code}), unknown repos (401 without a token, 404 with one, {@code RepoNotFound})
 * and 404s with {@code RevisionNotFound}/{@code EntryNotFound}, {@code Range} requests (206). Logs every request with
 * its {@code Authorization} and {@code Range} headers, so tests can check where the token went. Faults on demand:
 * a corrupt blob ({@link #tamper}), 429s with {@code Retry-After} ({@link #throttle}), a connection cut in the
 * middle of a download ({@link #cutNextDownloadAfter}), no range support ({@link #ignoreRange}), slow storage.
 */
public final class FakeHub implements AutoCloseable {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TEXT = Set.of("json", "jsonl", "md", "txt", "jinja", "csv", "tsv", "yaml", "yml",
      "py", "gitattributes");

  /** One commit: its files (repo path to bytes) and card ({@code cardData}, may be null). */
  public record Commit(Map<String, byte[]> files, JsonNode card) {}

  /** One repo: revision names to commits, commits, and the token it requires (null for public). */
  public static final class Repo {
    public final Map<String, String> refs = new LinkedHashMap<>();
    public final Map<String, Commit> commits = new LinkedHashMap<>();
    public String token;
  }

  /**
   * A request seen: which server ({@code hub} or {@code storage}), the target, its Authorization header and its
   * {@code Range} header (or null).
   */
  public record Seen(String server, String target, String authorization, String range) {}

  private final Map<String, Repo> datasets = new ConcurrentHashMap<>();
  private final Map<String, Repo> models = new ConcurrentHashMap<>();
  /** Every request, in order. */
  public final List<Seen> log = new CopyOnWriteArrayList<>();
  private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
  private final HttpServer hub;
  private final HttpServer storage;
  private final Map<String, byte[]> tampered = new ConcurrentHashMap<>();
  private final AtomicInteger throttled = new AtomicInteger();
  private volatile String retryAfter;
  private final AtomicInteger cutAfter = new AtomicInteger(-1);
  /** When set, Range requests are answered with the whole file (200), as a server without range support. */
  public volatile boolean ignoreRange;
  /** How long the storage server waits before answering (to make downloads overlap in tests). */
  public volatile long storageDelayMillis;

  public FakeHub() throws IOException {
    hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    storage = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hub.setExecutor(Executors.newCachedThreadPool(FakeHub::daemon));
    storage.setExecutor(Executors.newCachedThreadPool(FakeHub::daemon));
    hub.createContext("/", this::handleHub);
    storage.createContext("/", this::handleStorage);
    hub.start();
    storage.start();
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "fake-hub");
    t.setDaemon(true);
    return t;
  }

  /** Serves {@code served} instead of the bytes of the LFS blob {@code sha256} (a corrupt storage). */
  public void tamper(String sha256, byte[] served) {
    tampered.put(sha256, served);
  }

  /** The next {@code times} Hub requests answer 429 Too Many Requests with {@code Retry-After: retryAfter}. */
  public void throttle(int times, String retryAfter) {
    this.retryAfter = retryAfter;
    throttled.set(times);
  }

  /** The next storage answer announces its full length but breaks the connection after {@code bytes} bytes. */
  public void cutNextDownloadAfter(int bytes) {
    cutAfter.set(bytes);
  }

  /** The requests the storage server saw for the LFS blob {@code sha256}. */
  public List<Seen> storageRequests(String sha256) {
    return log.stream().filter(s -> s.server().equals("storage") && s.target().startsWith("/blob/" + sha256)).toList();
  }

  /** The hex sha256 of {@code bytes} (an LFS blob's etag). */
  public static String sha256Hex(byte[] bytes) {
    return sha256(bytes);
  }

  /** The Hub's base URL ({@code HF_ENDPOINT}). */
  public String endpoint() {
    return "http://127.0.0.1:" + hub.getAddress().getPort();
  }

  /** The storage server's base URL (where large files are redirected). */
  public String storageEndpoint() {
    return "http://127.0.0.1:" + storage.getAddress().getPort();
  }

  /** The dataset repo {@code id}, created empty on first use. */
  public Repo datasetRepo(String id) {
    return datasets.computeIfAbsent(id, k -> new Repo());
  }

  /** The model repo {@code id}, created empty on first use. */
  public Repo modelRepo(String id) {
    return models.computeIfAbsent(id, k -> new Repo());
  }

  /**
   * Publishes every file under {@code folder} as commit {@code commit} of model repo {@code id} and points
   * {@code branch} at it.
   */
  public Repo publishModel(String id, Path folder, String branch, String commit) {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Repo repo = modelRepo(id);
    repo.commits.put(commit, new Commit(files, null));
    repo.refs.put(branch, commit);
    return repo;
  }

  /** The sha1 of {@code seed} as hex: a fake commit id. */
  public static String sha1(String seed) {
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
    log.add(new Seen("storage", ex.getRequestURI().toString(), ex.getRequestHeaders().getFirst("Authorization"),
        ex.getRequestHeaders().getFirst("Range")));
    if (storageDelayMillis > 0) {
      try {
        Thread.sleep(storageDelayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    String sha = ex.getRequestURI().getPath().substring("/blob/".length());
    byte[] body = tampered.getOrDefault(sha, blobs.get(sha));
    if (body == null) {
      send(ex, 404, new byte[0]);
      return;
    }
    int cut = cutAfter.getAndSet(-1);
    if (cut >= 0) {
      String range = ignoreRange ? null : ex.getRequestHeaders().getFirst("Range");
      long from = range != null && range.matches("bytes=\\d+-") ? Long.parseLong(range.replaceAll("\\D", "")) : 0;
      int length = body.length - (int) from;
      ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
      ex.sendResponseHeaders(from > 0 ? 206 : 200, length);
      ex.getResponseBody().write(body, (int) from, Math.min(cut, length));
      ex.getResponseBody().flush();
      ex.close(); // short of the announced length: the server drops the connection
      return;
    }
    sendRanged(ex, body);
  }

  /** The whole body, or the {@code Range: bytes=N-} part of it (206), unless {@link #ignoreRange}. */
  private void sendRanged(HttpExchange ex, byte[] body) throws IOException {
    String range = ignoreRange ? null : ex.getRequestHeaders().getFirst("Range");
    if (range == null || !range.matches("bytes=\\d+-")) {
      send(ex, 200, body);
      return;
    }
    long from = Long.parseLong(range.substring("bytes=".length(), range.length() - 1));
    if (from >= body.length) {
      ex.getResponseHeaders().add("Content-Range", "bytes */" + body.length);
      send(ex, 416, new byte[0]);
      return;
    }
    ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
    send(ex, 206, java.util.Arrays.copyOfRange(body, (int) from, body.length));
  }

  private void handleHub(HttpExchange ex) throws IOException {
    String raw = ex.getRequestURI().getRawPath();
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    log.add(new Seen("hub", ex.getRequestURI().toString(), auth, ex.getRequestHeaders().getFirst("Range")));
    if (throttled.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      if (retryAfter != null) {
        ex.getResponseHeaders().add("Retry-After", retryAfter);
      }
      error(ex, 429, null, "Too many requests");
      return;
    }
    try {
      if (raw.startsWith("/api/datasets/")) {
        api(ex, datasets, "datasets", raw.substring("/api/datasets/".length()), auth);
      } else if (raw.startsWith("/api/models/")) {
        api(ex, models, "models", raw.substring("/api/models/".length()), auth);
      } else if (raw.startsWith("/datasets/")) {
        resolve(ex, datasets, raw.substring("/datasets/".length()), auth);
      } else if (!raw.startsWith("/api/")) {
        resolve(ex, models, raw.substring(1), auth);
      } else {
        error(ex, 404, null, "no such page");
      }
    } catch (RuntimeException e) {
      error(ex, 500, null, e.toString());
    }
  }

  /** The repo {@code id}, or null after answering the access error. */
  private Repo access(HttpExchange ex, Map<String, Repo> repos, String id, String auth) throws IOException {
    Repo repo = repos.get(id);
    String token = auth == null ? null : auth.replaceFirst("^Bearer ", "");
    if (repo == null) {
      error(ex, auth == null ? 401 : 404, "RepoNotFound", "Repository not found");
      return null;
    }
    if (repo.token != null && !repo.token.equals(token)) {
      if (token == null) {
        error(ex, 401, "GatedRepo", "Access to " + id + " is restricted. You must be authenticated.");
      } else {
        error(ex, 401, null, "Invalid credentials in Authorization header");
      }
      return null;
    }
    return repo;
  }

  private static String commitOf(Repo repo, String rev) {
    return repo.commits.containsKey(rev) ? rev : repo.refs.get(rev);
  }

  private void api(HttpExchange ex, Map<String, Repo> repos, String type, String rest, String auth)
      throws IOException {
    String[] parts = rest.split("/", 4); // ns, name, revision|tree, rev
    if (parts.length < 4) {
      error(ex, 404, null, "not found");
      return;
    }
    Repo repo = access(ex, repos, parts[0] + "/" + parts[1], auth);
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
      ArrayNode siblings = info.putArray("siblings");
      c.files().keySet().forEach(p -> siblings.addObject().put("rfilename", p));
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
      byte[] body = c.files().get(paths.get(i));
      e.put("size", body.length);
      e.put("oid", sha1(new String(body, StandardCharsets.UTF_8)));
      if (!isText(paths.get(i))) {
        e.putObject("lfs").put("oid", sha256(body)).put("size", body.length).put("pointerSize", 134);
      }
    }
    String next = cursor + 2 < paths.size() ? "<" + endpoint() + "/api/" + type + "/" + parts[0] + "/" + parts[1]
        + "/tree/" + parts[3] + "?recursive=true&expand=false&cursor=" + (cursor + 2) + ">; rel=\"next\"" : null;
    json(ex, 200, page, next);
  }

  private void resolve(HttpExchange ex, Map<String, Repo> repos, String rest, String auth) throws IOException {
    String[] parts = rest.split("/", 5); // ns, name, "resolve", rev, path
    if (parts.length < 5 || !parts[2].equals("resolve")) {
      error(ex, 404, null, "not found");
      return;
    }
    Repo repo = access(ex, repos, parts[0] + "/" + parts[1], auth);
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
    if (!isText(path)) {
      String sha = sha256(body);
      blobs.put(sha, body);
      ex.getResponseHeaders().add("X-Linked-Etag", "\"" + sha + "\"");
      ex.getResponseHeaders().add("X-Linked-Size", String.valueOf(body.length));
      ex.getResponseHeaders().add("Location", storageEndpoint() + "/blob/" + sha + "?signed=1");
      send(ex, 302, new byte[0]);
    } else {
      ex.getResponseHeaders().add("ETag", "\"" + sha1(new String(body, StandardCharsets.UTF_8)) + "\"");
      sendRanged(ex, body);
    }
  }

  /** Files the fake serves itself (as git files); the rest are "LFS" files behind a redirect to storage. */
  private static boolean isText(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return TEXT.contains(name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name);
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

  /** Stops both servers: later requests fail to connect. */
  public void stop() {
    hub.stop(0);
    storage.stop(0);
  }

  @Override
  public void close() {
    stop();
  }
}
