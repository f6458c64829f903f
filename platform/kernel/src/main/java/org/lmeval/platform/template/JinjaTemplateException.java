package org.lmeval.platform.template;

import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/**
 * A template failed to parse or render. The code is {@link ErrorCode#INVALID_TASK}; the message is
 * {@code "<type>: <message>"} with the exception Python's Jinja2 raises for the same template and doc
 * (for example {@code UndefinedError: 'answer' is undefined}). Callers add the task file, key and doc
 * index.
 */
public final class JinjaTemplateException extends EvalException {
  private static final long serialVersionUID = 1L;
  private final String errorType;
  private final String detail;

  JinjaTemplateException(String errorType, String detail) {
    super(ErrorCode.INVALID_TASK, errorType + ": " + detail);
    this.errorType = errorType;
    this.detail = detail;
  }

  /** The Python exception class Jinja2 raises, e.g. {@code UndefinedError} or {@code TypeError}. */
  public String errorType() {
    return errorType;
  }

  /** The exception's message, as Python prints it. */
  public String detail() {
    return detail;
  }
}
