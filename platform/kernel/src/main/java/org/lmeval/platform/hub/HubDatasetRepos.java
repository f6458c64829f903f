package org.lmeval.platform.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.lmeval.api.dataset.HubDatasets;
import org.lmeval.api.dataset.HubFailure;
import org.lmeval.platform.progress.Progress;

/**
 * {@link HubDatasets} over {@link HubClient} and {@link HubCache}: revisions are pinned to a commit
 * ({@code refs/<rev>}), the card ({@code cardData}) and listing of a commit and its files are cached for good
 * and fetched only when missing. Offline, only the cache is read ({@link HubFailure.Kind#NOT_CACHED} for what it
 * lacks); when the Hub cannot be reached the cache answers and the rest of that revision stays offline
 * ({@link HubFailure.Kind#UNREACHABLE} for what it lacks); HTTP errors are {@link HubFailure.Kind#HTTP}, and so is
 * an LFS file whose sha256 is wrong ({@code ChecksumMismatch}). Each file downloaded shows a byte bar
 * ({@code Downloading <repo>: <path>}); cached ones show nothing.
 */
public final class HubDatasetRepos implements HubDatasets {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HubSettings settings;
  private final Progress progress;
  private HubClient client;

  /** Without progress bars (tests, embedding). */
  public HubDatasetRepos(HubSettings settings) {
    this(settings, Progress.none());
  }

  /** @param progress where each file download shows its bar ({@code Downloading <repo>: <path>}, in bytes) */
  public HubDatasetRepos(HubSettings settings, Progress progress) {
    this.settings = settings;
    this.progress = progress;
  }

  private synchronized HubClient client() {
    if (client == null) {
      client = new HubClient(settings);
    }
    return client;
  }

  @Override
  public Revision revision(String repo, String revision) {
    HubCache cache = new HubCache(settings.cacheDir(), RepoType.DATASET, repo);
    if (settings.offline()) {
      return new CachedRevision(repo, cache, cache.commit(revision).orElseThrow(() -> new HubFailure(
          HubFailure.Kind.NOT_CACHED, -1, null, null, "revision '" + revision + "' is not in the cache")), null);
    }
    try {
      JsonNode info = client().revisionInfo(RepoType.DATASET, repo, revision);
      String sha = info.path("sha").asText("");
      if (!sha.matches("[0-9a-f]{40}")) {
        throw new HubFailure(HubFailure.Kind.HTTP, 200, null, "no commit sha", "the Hub at " + settings.endpoint()
            + " answered revision '" + revision + "' without a commit sha");
      }
      cache.writeRef(revision, sha);
      if (info.has("cardData")) {
        cache.writeCard(sha, info.get("cardData"));
      }
      return new CachedRevision(repo, cache, sha, null);
    } catch (UncheckedIOException e) {
      Optional<String> cached = cache.commit(revision);
      if (cached.isEmpty()) {
        throw unreachable(e, "revision '" + revision + "' is not in the cache");
      }
      return new CachedRevision(repo, cache, cached.get(), e);
    } catch (HubHttpException e) {
      throw http(e);
    }
  }

  private HubFailure unreachable(UncheckedIOException e, String detail) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    return new HubFailure(HubFailure.Kind.UNREACHABLE, -1, null, null, cause + "; " + detail, e);
  }

  private static HubFailure http(HubHttpException e) {
    return new HubFailure(HubFailure.Kind.HTTP, e.status(), e.errorCode(), e.serverMessage(), e.getMessage(), e);
  }

  /** One commit; {@code unreachable} set once the Hub could not be reached (then the cache alone answers). */
  private final class CachedRevision implements Revision {
    private final String repo;
    private final HubCache cache;
    private final String commit;
    private UncheckedIOException unreachable;

    CachedRevision(String repo, HubCache cache, String commit, UncheckedIOException unreachable) {
      this.repo = repo;
      this.cache = cache;
      this.commit = commit;
      this.unreachable = unreachable;
    }

    @Override
    public String commit() {
      return commit;
    }

    @Override
    public Map<String, Object> card() {
      JsonNode card = cache.card(commit).orElseGet(() -> fetch("the dataset card of commit " + commit, () -> {
        JsonNode c = client().revisionInfo(RepoType.DATASET, repo, commit).path("cardData");
        cache.writeCard(commit, c);
        return c;
      }));
      if (card == null || !card.isObject()) {
        return Map.of();
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = JSON.convertValue(card, Map.class);
      return map;
    }

    @Override
    public List<String> files() {
      List<HubClient.Entry> entries = cache.tree(commit).orElseGet(() -> fetch("the file listing of commit " + commit,
          () -> {
            List<HubClient.Entry> listed = client().tree(RepoType.DATASET, repo, commit);
            cache.writeTree(commit, listed);
            return listed;
          }));
      return entries.stream().map(HubClient.Entry::path).toList();
    }

    @Override
    public Path file(String path) {
      return cache.snapshot(commit, path).orElseGet(() -> fetch("data file " + path + " of commit " + commit,
          () -> {
            long size = cache.tree(commit).flatMap(t -> t.stream().filter(e -> e.path().equals(path)).findFirst())
                .map(HubClient.Entry::size).orElse(-1L);
            try (Progress.Bar bar = progress.start("Downloading " + repo + ": " + path, size, Progress.Unit.BYTES)) {
              return cache.store(commit, path, () -> client().open(RepoType.DATASET, repo, commit, path),
                  bar::advance);
            }
          }));
    }

    /** {@code step} from the Hub, unless offline or unreachable: then {@code what} is missing from the cache. */
    private <T> T fetch(String what, Supplier<T> step) {
      if (settings.offline()) {
        throw new HubFailure(HubFailure.Kind.NOT_CACHED, -1, null, null, what + " is not in the cache");
      }
      if (unreachable != null) {
        throw unreachable(unreachable, what + " is not in the cache");
      }
      try {
        return step.get();
      } catch (UncheckedIOException e) {
        unreachable = e;
        throw unreachable(e, what + " is not in the cache");
      } catch (HubHttpException e) {
        throw http(e);
      } catch (HubChecksumException e) {
        throw new HubFailure(HubFailure.Kind.HTTP, 200, "ChecksumMismatch", e.getMessage(), e.getMessage(), e);
      }
    }
  }

  @Override
  public String endpoint() {
    return settings.endpoint();
  }

  @Override
  public Path cacheDir() {
    return settings.cacheDir();
  }

  @Override
  public boolean hasToken() {
    return settings.token() != null;
  }

  @Override
  public String toString() {
    return "HubDatasetRepos[" + settings + "]";
  }
}
