package org.lmeval.platform.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Hub's HTTP protocol for model and dataset repos, as {@code huggingface_hub} speaks it: revision info
 * ({@code /api/{models|datasets}/{repo}/revision/{rev}}), paginated tree listings ({@code Link: rel="next"}),
 * and file downloads through {@code /resolve/} with redirects taken by hand, so that the token goes only to
 * the endpoint and never to the storage host. Retries 408/429/5xx a few times with backoff.
 */
public final class HubClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
  private static final int TRIES = 4;

  private final HubSettings settings;
  private final HttpClient http;
  private final URI endpoint;

  public HubClient(HubSettings settings) {
    this.settings = settings;
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

  /** What a {@code /resolve/} answer says about a file: its cache blob name and size, where its bytes are. */
  public record FileMeta(String etag, long size, URI location) {}

  /**
   * Downloads {@code path} at {@code commit} into {@code target} (a fresh temporary file) and returns its
   * metadata; a size mismatch is an error.
   */
  public FileMeta download(RepoType type, String repo, String commit, String path, Path target) {
    URI uri = URI.create(settings.endpoint() + "/" + type.urlPrefix() + repo + "/resolve/" + encodeAll(commit) + "/"
        + encodePath(path));
    for (int hops = 0; hops < 10; hops++) {
      HttpResponse<InputStream> r = send(uri, true, HttpResponse.BodyHandlers.ofInputStream());
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
        long size = linkedSize.map(Long::parseLong).orElse(-1L);
        HttpResponse<InputStream> storage = send(location, false, HttpResponse.BodyHandlers.ofInputStream());
        check(storage, location);
        write(storage.body(), target, size, path);
        return new FileMeta(etag, size, location);
      }
      check(r, uri);
      long size = linkedSize.or(() -> r.headers().firstValue("Content-Length")).map(Long::parseLong).orElse(-1L);
      write(r.body(), target, size, path);
      return new FileMeta(etag, size, uri);
    }
    throw new HubHttpException(310, null, "too many redirects", uri.toString());
  }

  private static void write(InputStream body, Path target, long size, String path) {
    try (InputStream in = body) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      long got = Files.size(target);
      if (size >= 0 && got != size) {
        throw new IOException("consistency check failed for " + path + ": expected " + size + " bytes, got " + got);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<byte[]> get(URI uri, boolean auth) {
    HttpResponse<byte[]> r = send(uri, auth, HttpResponse.BodyHandlers.ofByteArray());
    check(r, uri);
    return r;
  }

  private <T> HttpResponse<T> send(URI uri, boolean auth, HttpResponse.BodyHandler<T> handler) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(100))
        .header("User-Agent", "lmeval-java; java/" + System.getProperty("java.version"))
        .header("Accept-Encoding", "identity")
        .header("X-Amzn-Trace-Id", UUID.randomUUID().toString());
    if (auth && settings.token() != null && sameHost(uri, endpoint)) {
      b.header("Authorization", "Bearer " + settings.token());
    }
    HttpRequest request = b.build();
    IOException last = null;
    for (int attempt = 0; attempt < TRIES; attempt++) {
      if (attempt > 0) {
        sleep(Math.min(8000L, 500L << attempt));
      }
      try {
        HttpResponse<T> r = http.send(request, handler);
        int s = r.statusCode();
        if ((s == 408 || s == 429 || s >= 500) && attempt < TRIES - 1) {
          if (r.body() instanceof InputStream in) {
            close(in);
          }
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
