package org.lmeval.api.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Dataset repos on the Hugging Face Hub through the kernel's client, cache and credentials (the
 * {@code huggingface_hub} cache shared with Python, {@code datasets--<org>--<name>/}). Endpoint, token, offline
 * mode and cache folder are the run's; providers never see the token. Every read looks in the cache first and
 * asks the Hub only for what is missing; offline, or when the Hub cannot be reached, the cache answers alone.
 * Failures are {@link HubFailure}s, which the provider words in its own terms.
 */
public interface HubDatasets {
  /**
   * Dataset repo {@code repo} at {@code revision} (branch, tag, commit or special ref such as
   * {@code refs/convert/parquet}), pinned to its commit.
   *
   * @throws HubFailure when the revision cannot be resolved
   */
  Revision revision(String repo, String revision);

  /** The Hub's base URL ({@code HF_ENDPOINT}), for messages. */
  default String endpoint() {
    return "https://huggingface.co";
  }

  /** The hub cache folder, for messages. */
  default Path cacheDir() {
    return Path.of(System.getProperty("user.home"), ".cache", "huggingface", "hub");
  }

  /** Whether a token is configured (never the token itself), for messages. */
  default boolean hasToken() {
    return false;
  }

  /** One commit of a dataset repo. */
  interface Revision {
    /** The commit sha (40 hex digits). */
    String commit();

    /**
     * The repo card's data (the README front matter as the Hub API parses it, {@code cardData}): maps, lists,
     * strings, numbers and booleans as JSON has them; an empty map when there is none.
     */
    Map<String, Object> card();

    /** Every file path of the commit. */
    List<String> files();

    /** The local copy of repo file {@code path} at this commit (downloaded once). */
    Path file(String path);
  }

  /** No Hub (a request built without one): every call fails with {@link HubFailure.Kind#UNAVAILABLE}. */
  static HubDatasets unavailable(String why) {
    return (repo, revision) -> {
      throw new HubFailure(HubFailure.Kind.UNAVAILABLE, -1, null, null, why);
    };
  }
}
