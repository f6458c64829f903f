package org.lmeval.platform.hub;

/** A downloaded LFS file whose sha256 is not the one the Hub announced (its etag); nothing was cached. */
public final class HubChecksumException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String path;

  public HubChecksumException(String path, String expected, String actual) {
    super("the downloaded bytes of " + path + " do not match its sha256 (expected " + expected + ", got " + actual
        + "); the corrupt download was removed from the cache, try again");
    this.path = path;
  }

  /** The repo path of the file. */
  public String path() {
    return path;
  }
}
