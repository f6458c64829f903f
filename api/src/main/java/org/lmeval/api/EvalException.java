package org.lmeval.api;

import java.util.Objects;

/** The one exception type that crosses the plugin boundary. Unchecked. */
public class EvalException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;

  public EvalException(ErrorCode code, String message) {
    this(code, message, null);
  }

  public EvalException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }
}
