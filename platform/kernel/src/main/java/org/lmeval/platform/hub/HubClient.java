package org.lmeval.platform.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Hub's HTTP protocol for model and dataset repos, as {@code huggingface_hub} speaks it: revision info
 * ({@code /api/{models|datasets}/{repo}/revision/{rev}}), paginated tree listings ({@code Link: rel="next"}),
 * and file downloads through {@code /resolve/} with redirects taken by hand, so that the token goes only to
 * the endpoint and never to the storage host. Retries 408/429/5xx a few times with backoff (as long as a
 * {@code Retry-After} asks, up to a minute). Downloads resume partial files with {@code Range} requests and
 * check LFS files against their sha256 ({@link Transfer}).
 */
public final class HubClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
  private static final int TRIES = 4;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
  /** The longest {@code Retry-After} honoured (one minute); a longer one is cut to this. */
  static final long MAX_RETRY_AFTER_MILLIS = 60_000L;

  private final HubSettings settings;
  private final HttpClient http;
  private final URI endpoint;
  private final long maxRetryAfterMillis;

  public HubClient(HubSettings settings) {
    this(settings, MAX_RETRY_AFTER_MILLIS);
  }

  /** With another bound on {@code Retry-After} waits (tests). */
  HubClient(HubSettings settings, long maxRetryAfterMillis) {
    this.settings = settings;
    this.maxRetryAfterMillis = maxRetryAfterMillis;
    this.endpoint = URI.create(settings.endpoint());
    this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  /**
   * One file entry of a tree listing, with what {@code huggingface_hub} keeps of it in {@code trees/<commit>.json}.
   *
   * @param size the file size (-1 unknown)
   * @param blobId the git blob id ({@code oid}), or null
   * @param lfsSha256 the LFS sha256 ({@code lfs.oid}), or null for a plain git file
   * @param lfsSize the LFS size, or -1
   * @param xetHash the Xet hash ({@code xetHash}), or null
   */
  public record Entry(String path, long size, String blobId, String lfsSha256, long lfsSize, String xetHash) {
    /** A path and size only (no blob metadata). */
    public Entry(String path, long size) {
      this(path, size, null, null, -1, null);
    }
  }

  /** {@code GET /api/{type}/{repo}/revision/{rev}}: {@code sha}, {@code cardData}, ... */
  public JsonNode revisionInfo(RepoType type, String repo, String revision) {
    return readJson(get(URI.create(settings.endpoint() + "/api/" + type.apiSegment() + "/" + repo + "/revision/"
        + encodeAll(revision)), true));
  }

  /** Every file of the repo at {@code commit} (all pages). */
  public List<Entry> tree(RepoType type, String repo, String commit) {
    List<Entry> out = new ArrayList<>();
    URI next = URI.create(settings.endpoint() + "/api/" + type.apiSegment() + "/" + repo + "/tree/" + encodeAll(commit)
        + "?recursive=true&expand=false");
    while (next != null) {
      HttpResponse<byte[]> r = get(next, true);
      for (JsonNode e : readJson(r)) {
        if ("file".equals(e.path("type").asText())) {
          JsonNode lfs = e.path("lfs");
          out.add(new Entry(e.path("path").asText(), e.path("size").asLong(-1), e.path("oid").asText(null),
              lfs.isObject() ? lfs.path("oid").asText(null) : null, lfs.isObject() ? lfs.path("size").asLong(-1) : -1,
              e.path("xetHash").asText(null)));
        }
      }
      next = null;
      for (String link : r.headers().allValues("Link")) {
        Matcher m = NEXT.matcher(link);
        if (m.find()) {
          next = URI.create(m.group(1));
        }
      }
    }
    return out;
  }

  /**
   * Asks {@code /resolve/} for {@code path} at {@code commit}, following redirects: the etag and size are known
   * before any byte is written (so the cache can name the partial file after the blob, and resume it).
   */
  public Transfer open(RepoType type, String repo, String commit, String path) {
    URI uri = URI.create(settings.endpoint() + "/" + type.urlPrefix() + repo + "/resolve/" + encodeAll(commit) + "/"
        + encodePath(path));
    for (int hops = 0; hops < 10; hops++) {
      HttpResponse<InputStream> r = send(uri, true, HttpResponse.BodyHandlers.ofInputStream(), null);
      int status = r.statusCode();
      String etag = normaliseEtag(r.headers().firstValue("X-Linked-Etag").or(() -> r.headers().firstValue("ETag"))
          .orElse(null));
      Optional<String> linkedSize = r.headers().firstValue("X-Linked-Size");
      if (status >= 300 && status < 400) {
        close(r.body());
        String from = uri.toString();
        URI location = uri.resolve(r.headers().firstValue("Location").orElseThrow(() ->
            new HubHttpException(status, null, "redirect without Location", from)));
        if (sameHost(location, uri)) {
          uri = location; // a renamed repo: ask the Hub again, with the token
          continue;
        }
        return new Transfer(path, etag, linkedSize.map(Long::parseLong).orElse(-1L), location, false, null);
      }
      check(r, uri);
      long size = linkedSize.or(() -> r.headers().firstValue("Content-Length")).map(Long::parseLong).orElse(-1L);
      return new Transfer(path, etag, size, uri, true, r);
    }
    throw new HubHttpException(310, null, "too many redirects", uri.toString());
  }

  /**
   * One file on its way from the Hub: the etag and size {@code /resolve/} announced, then the bytes
   * ({@link #writeTo}). Close it to release a body not read.
   */
  public final class Transfer implements AutoCloseable {
    private final String path;
    private final String etag;
    private final long size;
    private final URI source;
    private final boolean auth;
    private HttpResponse<InputStream> pending;

    private Transfer(String path, String etag, long size, URI source, boolean auth, HttpResponse<InputStream> pending) {
      this.path = path;
      this.etag = etag;
      this.size = size;
      this.source = source;
      this.auth = auth;
      this.pending = pending;
    }

    /** The blob name the Hub gave ({@code X-Linked-Etag} or {@code ETag}, unquoted), or null. */
    public String etag() {
      return etag;
    }

    /** The announced size in bytes, or -1. */
    public long size() {
      return size;
    }

    /** Whether the etag is an LFS sha256 (64 hex digits), so the bytes can be checked against it. */
    public boolean lfs() {
      return etag != null && SHA256.matcher(etag).matches();
    }

    /**
     * Writes the file's bytes to {@code partial}, resuming from what it already holds with an HTTP
     * {@code Range} request (from the start again when the server ignores it) and retrying a transfer cut in
     * the middle the same way; {@code onBytes} hears of each byte the file gains (resumed ones included). The
     * size is checked, and the sha256 of an LFS file: on a mismatch {@code partial} is deleted and a
     * {@link HubChecksumException} names the file.
     */
    public void writeTo(Path partial, LongConsumer onBytes) {
      MessageDigest digest = lfs() ? sha256Digest() : null;
      long reported = 0;
      try {
        IOException cut = null;
        for (int attempt = 0; attempt < TRIES; attempt++) {
          if (attempt > 0) {
            sleep(Math.min(8000L, 500L << attempt));
          }
          long have = Files.exists(partial) ? Files.size(partial) : 0;
          if (size >= 0 && have > size) {
            have = 0;
          }
          HttpResponse<InputStream> r = null;
          boolean append;
          if (have == 0 && pending != null) {
            r = pending;
            pending = null;
            append = false;
          } else if (size >= 0 && have == size) {
            append = true; // complete already: only the checks are left
          } else {
            closePending();
            r = send(source, auth, HttpResponse.BodyHandlers.ofInputStream(), have > 0 ? "bytes=" + have + "-" : null);
            if (r.statusCode() == 416) { // the partial file is no prefix of this one: start again
              HubClient.close(r.body());
              have = 0;
              r = send(source, auth, HttpResponse.BodyHandlers.ofInputStream(), null);
            }
            check(r, source);
            append = have > 0 && r.statusCode() == 206
                && r.headers().firstValue("Content-Range").orElse("").startsWith("bytes " + have + "-");
          }
          if (!append) {
            have = 0;
          }
          if (digest != null) {
            digest.reset();
            if (have > 0) {
              hashPrefix(partial, digest);
            }
          }
          if (have > reported) {
            onBytes.accept(have - reported);
            reported = have;
          }
          cut = null;
          if (r == null) {
            break;
          }
          try (InputStream in = r.body();
              OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                  append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buf = new byte[1 << 16];
            long position = have;
            for (int n; (n = in.read(buf)) >= 0; ) {
              out.write(buf, 0, n);
              if (digest != null) {
                digest.update(buf, 0, n);
              }
              position += n;
              if (position > reported) {
                onBytes.accept(position - reported);
                reported = position;
              }
            }
            break;
          } catch (IOException e) {
            cut = e; // cut in the middle: the next attempt resumes from what arrived
          }
        }
        if (cut != null) {
          throw cut;
        }
        long got = Files.size(partial);
        if (size >= 0 && got != size) {
          Files.deleteIfExists(partial);
          throw new IOException("consistency check failed for " + path + ": expected " + size + " bytes, got " + got);
        }
        if (digest != null) {
          String actual = HexFormat.of().formatHex(digest.digest());
          if (!actual.equalsIgnoreCase(etag)) {
            Files.deleteIfExists(partial);
            throw new HubChecksumException(path, etag.toLowerCase(java.util.Locale.ROOT), actual);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void closePending() {
      if (pending != null) {
        HubClient.close(pending.body());
        pending = null;
      }
    }

    @Override
    public void close() {
      closePending();
    }
  }

  private static void hashPrefix(Path partial, MessageDigest digest) throws IOException {
    try (InputStream in = Files.newInputStream(partial)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) >= 0; ) {
        digest.update(buf, 0, n);
      }
    }
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<byte[]> get(URI uri, boolean auth) {
    HttpResponse<byte[]> r = send(uri, auth, HttpResponse.BodyHandlers.ofByteArray(), null);
    check(r, uri);
    return r;
  }

  private <T> HttpResponse<T> send(URI uri, boolean auth, HttpResponse.BodyHandler<T> handler, String range) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(100))
        .header("User-Agent", "lmeval-java; java/" + System.getProperty("java.version"))
        .header("Accept-Encoding", "identity")
        .header("X-Amzn-Trace-Id", UUID.randomUUID().toString());
    if (range != null) {
      b.header("Range", range);
    }
    if (auth && settings.token() != null && sameHost(uri, endpoint)) {
      b.header("Authorization", "Bearer " + settings.token());
    }
    HttpRequest request = b.build();
    IOException last = null;
    long wait = 0;
    for (int attempt = 0; attempt < TRIES; attempt++) {
      if (attempt > 0) {
        sleep(wait > 0 ? wait : Math.min(8000L, 500L << attempt));
      }
      wait = 0;
      try {
        HttpResponse<T> r = http.send(request, handler);
        int s = r.statusCode();
        if ((s == 408 || s == 429 || s >= 500) && attempt < TRIES - 1) {
          if (r.body() instanceof InputStream in) {
            close(in);
          }
          wait = retryAfterMillis(r.headers().firstValue("Retry-After").orElse(null), maxRetryAfterMillis);
          continue;
        }
        return r;
      } catch (java.net.ConnectException e) {
        throw new UncheckedIOException(e); // nobody listens: no use retrying
      } catch (IOException e) {
        last = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UncheckedIOException(new IOException("interrupted", e));
      }
    }
    throw new UncheckedIOException(last);
  }

  /**
   * How long a {@code Retry-After} header (delay-seconds or an HTTP date) asks to wait, at most {@code cap}
   * milliseconds; 0 when absent or unreadable (then the usual backoff applies).
   */
  static long retryAfterMillis(String header, long cap) {
    if (header == null || header.isBlank()) {
      return 0;
    }
    String h = header.strip();
    long millis;
    if (h.matches("\\d{1,9}")) {
      millis = Long.parseLong(h) * 1000L;
    } else {
      try {
        millis = java.time.ZonedDateTime.parse(h, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()
            .toEpochMilli() - System.currentTimeMillis();
      } catch (java.time.format.DateTimeParseException e) {
        return 0;
      }
    }
    return Math.max(1, Math.min(cap, millis));
  }

  private static void check(HttpResponse<?> r, URI uri) {
    int s = r.statusCode();
    if (s >= 200 && s < 300) {
      return;
    }
    String code = r.headers().firstValue("X-Error-Code").orElse(null);
    String message = r.headers().firstValue("X-Error-Message").orElse(null);
    Object body = r.body();
    byte[] bytes = null;
    try {
      bytes = body instanceof byte[] b ? b : body instanceof InputStream in ? in.readNBytes(4096) : null;
    } catch (IOException ignored) {
      // the status says enough
    }
    if (message == null && bytes != null && bytes.length > 0) {
      try {
        JsonNode j = JSON.readTree(bytes);
        message = j.path("error").isTextual() ? j.path("error").asText() : null;
      } catch (IOException ignored) {
        // not JSON
      }
    }
    throw new HubHttpException(s, code, message, uri.toString());
  }

  private static JsonNode readJson(HttpResponse<byte[]> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new HubHttpException(r.statusCode(), null, "the answer is not JSON: " + e.getMessage(),
          r.uri().toString());
    }
  }

  private static boolean sameHost(URI a, URI b) {
    return String.valueOf(a.getHost()).equalsIgnoreCase(String.valueOf(b.getHost())) && a.getPort() == b.getPort()
        && String.valueOf(a.getScheme()).equalsIgnoreCase(String.valueOf(b.getScheme()));
  }

  public static String normaliseEtag(String etag) {
    if (etag == null) {
      return null;
    }
    String e = etag.strip();
    if (e.startsWith("W/")) {
      e = e.substring(2);
    }
    if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
      e = e.substring(1, e.length() - 1);
    }
    return e;
  }

  /** Percent-encodes all of {@code s}, {@code /} included (revisions). */
  public static String encodeAll(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }

  /** Percent-encodes each segment of a repo path, keeping {@code /}. */
  public static String encodePath(String path) {
    StringBuilder b = new StringBuilder();
    for (String seg : path.split("/", -1)) {
      if (b.length() > 0) {
        b.append('/');
      }
      b.append(encodeAll(seg));
    }
    return b.toString();
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
