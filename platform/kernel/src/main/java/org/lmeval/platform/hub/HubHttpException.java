package org.lmeval.platform.hub;

/** A Hub answer that is not a success: the status, {@code X-Error-Code} and message (never the token). */
public final class HubHttpException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String errorCode;
  private final String serverMessage;

  public HubHttpException(int status, String errorCode, String serverMessage, String url) {
    super("HTTP " + status + (errorCode == null ? "" : " " + errorCode)
        + (serverMessage == null || serverMessage.isBlank() ? "" : " (" + serverMessage + ")") + " for " + url);
    this.status = status;
    this.errorCode = errorCode;
    this.serverMessage = serverMessage == null ? "" : serverMessage;
  }

  public int status() {
    return status;
  }

  public String errorCode() {
    return errorCode;
  }

  public String serverMessage() {
    return serverMessage;
  }
}
