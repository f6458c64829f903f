package org.lmeval.platform.hub;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.HubSnapshots;
import org.lmeval.platform.progress.Progress;

/**
 * {@code huggingface_hub.snapshot_download} for model repos, with {@code allow_patterns}: the revision is pinned
 * to a commit ({@code /api/models/{repo}/revision/{rev}}, written to {@code refs/<rev>}), the commit's listing
 * is read (and kept in {@code trees/<commit>.json}), and each matching file not yet in
 * {@code snapshots/<commit>/} is downloaded once into {@code blobs/}. A commit whose matching files are all
 * cached is served without any request. Offline ({@code HF_HUB_OFFLINE}), or when the Hub cannot be reached,
 * the cache answers alone; what it lacks is one {@link EvalException} naming the repo, the revision, the cache
 * folder and the fix. The token goes to the endpoint only ({@link HubClient}). A download shows one byte bar
 * ({@code Downloading <repo>}), resumes what an interrupted one left in {@code blobs/<etag>.incomplete}, and
 * checks LFS files against their sha256.
 */
public final class HubModelSnapshots implements HubSnapshots {
  private static final System.Logger LOG = System.getLogger(HubModelSnapshots.class.getName());

  private final HubSettings settings;
  private final Progress progress;
  private HubClient client;

  /** Without progress bars (tests, embedding). */
  public HubModelSnapshots(HubSettings settings) {
    this(settings, Progress.none());
  }

  /**
   * @param progress where a download shows its bar ({@code Downloading <repo>}, in bytes); nothing is shown
   *     when the cache holds every file
   */
  public HubModelSnapshots(HubSettings settings, Progress progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /** The settings this Hub uses (the token stays hidden in their {@code toString()}). */
  public HubSettings settings() {
    return settings;
  }

  @Override
  public Path snapshot(String repoId, String revision, List<String> allowPatterns) {
    if (!HubSnapshots.isRepoId(repoId)) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "'" + repoId + "' is neither a local directory nor a"
          + " Hugging Face Hub repo id (org/name)");
    }
    String rev = revision == null || revision.isBlank() ? "main" : revision.strip();
    List<String> patterns = allowPatterns == null ? List.of() : List.copyOf(allowPatterns);
    Request request = new Request(repoId, rev, patterns, new HubCache(settings.cacheDir(), RepoType.MODEL, repoId));
    if (settings.offline()) {
      return request.fromCache(null);
    }
    if (rev.matches("[0-9a-f]{40}")) {
      Optional<Path> complete = request.completeSnapshot(rev);
      if (complete.isPresent()) {
        return complete.get();
      }
    }
    try {
      return request.download();
    } catch (UncheckedIOException e) {
      return request.fromCache(e); // the Hub cannot be reached: the cache, as huggingface_hub does
    } catch (HubHttpException e) {
      if (e.status() == 429 || e.status() >= 500) {
        return request.fromCache(e);
      }
      throw request.translate(e);
    }
  }

  private synchronized HubClient client() {
    if (client == null) {
      client = new HubClient(settings);
    }
    return client;
  }

  /** One {@code snapshot} call. */
  private final class Request {
    private final String repo;
    private final String revision;
    private final List<String> patterns;
    private final HubCache cache;
    private final String what;

    Request(String repo, String revision, List<String> patterns, HubCache cache) {
      this.repo = repo;
      this.revision = revision;
      this.patterns = patterns;
      this.cache = cache;
      this.what = "Hugging Face model '" + repo + "' at revision '" + revision + "'";
    }

    Path download() {
      JsonNode info = client().revisionInfo(RepoType.MODEL, repo, revision);
      String commit = info.path("sha").asText("");
      if (!commit.matches("[0-9a-f]{40}")) {
        throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, what + ": the Hub at " + settings.endpoint()
            + " answered without a commit sha; is HF_ENDPOINT a Hugging Face Hub?");
      }
      cache.writeRef(revision, commit);
      List<HubClient.Entry> entries = cache.tree(commit).orElseGet(() -> {
        List<HubClient.Entry> listed = client().tree(RepoType.MODEL, repo, commit);
        cache.writeTree(commit, listed);
        return listed;
      });
      List<HubClient.Entry> missing = matching(entries).stream()
          .filter(e -> cache.snapshot(commit, e.path()).isEmpty()).toList();
      if (!missing.isEmpty()) {
        long total = missing.stream().allMatch(e -> e.size() >= 0)
            ? missing.stream().mapToLong(HubClient.Entry::size).sum() : -1;
        try (Progress.Bar bar = progress.start("Downloading " + repo, total, Progress.Unit.BYTES)) {
          for (HubClient.Entry entry : missing) {
            LOG.log(System.Logger.Level.INFO, "downloading " + repo + "@" + commit.substring(0, 8) + "/"
                + entry.path() + (entry.size() >= 0 ? " (" + entry.size() + " bytes)" : "") + " into "
                + cache.repoDir());
            try {
              cache.store(commit, entry.path(), () -> client().open(RepoType.MODEL, repo, commit, entry.path()),
                  bar::advance);
            } catch (HubChecksumException e) {
              throw new EvalException(ErrorCode.BACKEND_FAILURE, what + ": " + e.getMessage(), e);
            }
          }
        }
      }
      return ensureDir(cache.snapshotDir(commit));
    }

    /** The cached snapshot of {@code commit} when it holds every matching file of the cached listing. */
    Optional<Path> completeSnapshot(String commit) {
      Optional<List<HubClient.Entry>> entries = cache.tree(commit);
      if (entries.isEmpty() || !Files.isDirectory(cache.snapshotDir(commit))) {
        return Optional.empty();
      }
      for (HubClient.Entry e : matching(entries.get())) {
        if (cache.snapshot(commit, e.path()).isEmpty()) {
          return Optional.empty();
        }
      }
      return Optional.of(cache.snapshotDir(commit));
    }

    /** The cache alone: offline mode, or {@code failure} kept the Hub out of reach. */
    Path fromCache(Exception failure) {
      Optional<String> commit = cache.commit(revision);
      if (commit.isEmpty() || !Files.isDirectory(cache.snapshotDir(commit.get()))) {
        throw notCached(failure, "revision '" + revision + "' has no snapshot there");
      }
      Optional<List<HubClient.Entry>> entries = cache.tree(commit.get());
      if (entries.isPresent()) {
        List<String> missing = new ArrayList<>();
        for (HubClient.Entry e : matching(entries.get())) {
          if (cache.snapshot(commit.get(), e.path()).isEmpty()) {
            missing.add(e.path());
          }
        }
        if (!missing.isEmpty()) {
          throw notCached(failure, "commit " + commit.get() + " lacks " + String.join(", ", missing));
        }
      }
      return cache.snapshotDir(commit.get());
    }

    private List<HubClient.Entry> matching(List<HubClient.Entry> entries) {
      List<HubClient.Entry> out = new ArrayList<>();
      for (HubClient.Entry e : entries) {
        if (patterns.stream().anyMatch(p -> HubSnapshots.matches(p, e.path()))) {
          out.add(e);
        }
      }
      return out;
    }

    private EvalException notCached(Exception failure, String detail) {
      String why = failure == null
          ? "offline mode is on (HF_HUB_OFFLINE or TRANSFORMERS_OFFLINE)"
          : "the Hub at " + settings.endpoint() + " cannot be reached (" + reason(failure) + ")";
      String fix = failure == null
          ? "run once without HF_HUB_OFFLINE/TRANSFORMERS_OFFLINE to download it"
          : "check the network or HF_ENDPOINT";
      return new EvalException(ErrorCode.BACKEND_UNAVAILABLE, what + " is not in the hub cache " + settings.cacheDir()
          + " (" + detail + ") and " + why + "; " + fix + ", or fill the cache with `huggingface-cli download "
          + repo + " --revision " + revision + "` (the same cache, HF_HUB_CACHE), or pass a local model directory",
          failure);
    }

    private String reason(Exception failure) {
      Throwable t = failure instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : failure;
      return t instanceof HubHttpException h ? "HTTP " + h.status() : t.getClass().getSimpleName()
          + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    EvalException translate(HubHttpException e) {
      String code = e.errorCode() == null ? "" : e.errorCode();
      String page = settings.endpoint() + "/" + repo;
      String msg;
      if (code.equals("RevisionNotFound")) {
        msg = "revision '" + revision + "' does not exist in the repo (check model arg revision)";
      } else if (code.equals("GatedRepo") && e.status() == 403) {
        msg = "the repo is gated and this token has no access yet: ask for access at " + page;
      } else if (e.status() == 401 && e.serverMessage().contains("Invalid credentials")) {
        msg = "the Hub rejected the token (HF_TOKEN) as invalid or expired";
      } else if (code.equals("GatedRepo") || e.status() == 401 && settings.token() == null) {
        msg = "the repo doesn't exist on the Hub at " + settings.endpoint() + " or needs a token (HTTP " + e.status()
            + "); if it is gated or private, set HF_TOKEN to a token with access; a local path must exist";
      } else if (e.status() == 401 || e.status() == 404 && !code.equals("EntryNotFound")) {
        msg = "the repo doesn't exist on the Hub at " + settings.endpoint() + " or cannot be accessed"
            + (settings.token() == null ? "" : " with this token") + " (HTTP " + e.status()
            + "); check the repo id (a local path must exist)";
      } else if (code.equals("EntryNotFound")) {
        msg = "a file the Hub listed was not found (HTTP 404)";
      } else {
        msg = "the Hub request failed: HTTP " + e.status() + (code.isEmpty() ? "" : " " + code)
            + (e.serverMessage().isBlank() ? "" : " (" + e.serverMessage() + ")");
      }
      return new EvalException(ErrorCode.BACKEND_UNAVAILABLE, what + ": " + msg, e);
    }
  }

  private static Path ensureDir(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "HubModelSnapshots[" + settings + "]";
  }
}
