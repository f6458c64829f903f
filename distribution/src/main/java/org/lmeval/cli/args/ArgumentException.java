package org.lmeval.cli.args;

import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/** A command-line value that lm-eval would reject; the message names the flag and what is valid. */
public final class ArgumentException extends EvalException {
  private static final long serialVersionUID = 1L;

  public ArgumentException(String message) {
    super(ErrorCode.INVALID_ARGUMENT, message);
  }
}
