package org.lmeval.platform.hub;

/** A kind of Hub repo, with the names it goes by in API paths, file URLs and cache folders. */
public enum RepoType {
  MODEL("models", "", "models--"),
  DATASET("datasets", "datasets/", "datasets--");

  private final String apiSegment;
  private final String urlPrefix;
  private final String cachePrefix;

  RepoType(String apiSegment, String urlPrefix, String cachePrefix) {
    this.apiSegment = apiSegment;
    this.urlPrefix = urlPrefix;
    this.cachePrefix = cachePrefix;
  }

  /** {@code models} / {@code datasets}, as in {@code /api/models/{repo}}. */
  public String apiSegment() {
    return apiSegment;
  }

  /** {@code ""} / {@code datasets/}, as in {@code {endpoint}/{prefix}{repo}/resolve/...}. */
  public String urlPrefix() {
    return urlPrefix;
  }

  /** The cache folder of {@code repo}: {@code models--org--name}. */
  public String cacheFolder(String repo) {
    return cachePrefix + repo.replace("/", "--");
  }

  /** {@code model} / {@code dataset}, for messages. */
  public String word() {
    return this == MODEL ? "model" : "dataset";
  }
}
