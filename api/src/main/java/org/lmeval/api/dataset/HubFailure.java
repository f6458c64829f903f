package org.lmeval.api.dataset;

/**
 * Why a {@link HubDatasets} read failed: what is missing from the cache (offline), that the Hub cannot be
 * reached (and the cache lacks it), or the Hub's HTTP answer ({@code status}, {@code X-Error-Code}, message;
 * never the token).
 */
public final class HubFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The kinds of failure. */
  public enum Kind {
    /** Offline mode is on and the cache lacks what was asked. */
    NOT_CACHED,
    /** The Hub cannot be reached (network, timeout, 5xx after retries) and the cache lacks what was asked. */
    UNREACHABLE,
    /** The Hub answered with an error status. */
    HTTP,
    /** No Hub was given to the provider. */
    UNAVAILABLE
  }

  private final Kind kind;
  private final int status;
  private final String errorCode;
  private final String serverMessage;

  /**
   * @param status the HTTP status, or -1
   * @param errorCode {@code X-Error-Code}, or null
   * @param serverMessage {@code X-Error-Message} or the JSON {@code error}, or null
   * @param message what failed (for HTTP: status, code, message and URL)
   */
  public HubFailure(Kind kind, int status, String errorCode, String serverMessage, String message) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.errorCode = errorCode;
    this.serverMessage = serverMessage == null ? "" : serverMessage;
  }

  /** Same, with the cause. */
  public HubFailure(Kind kind, int status, String errorCode, String serverMessage, String message, Throwable cause) {
    this(kind, status, errorCode, serverMessage, message);
    initCause(cause);
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, or -1. */
  public int status() {
    return status;
  }

  /** {@code X-Error-Code}, or null. */
  public String errorCode() {
    return errorCode;
  }

  /** The server's message, or "". */
  public String serverMessage() {
    return serverMessage;
  }
}
