package org.lmeval.api.model;

/** The three request types of lm-eval; {@code multiple_choice} is expanded into LOGLIKELIHOOD by the kernel. */
public enum RequestType {
  LOGLIKELIHOOD("loglikelihood"),
  LOGLIKELIHOOD_ROLLING("loglikelihood_rolling"),
  GENERATE_UNTIL("generate_until");

  private final String lmEvalName;

  RequestType(String lmEvalName) {
    this.lmEvalName = lmEvalName;
  }

  /** lm-eval's name: {@code loglikelihood}, {@code loglikelihood_rolling}, {@code generate_until}. */
  public String lmEvalName() {
    return lmEvalName;
  }
}
