package org.lmeval.platform.eval;

import java.util.Arrays;
import org.lmeval.api.model.RequestType;

/** lm-eval's task {@code output_type}. */
public enum OutputType {
  LOGLIKELIHOOD("loglikelihood", RequestType.LOGLIKELIHOOD),
  LOGLIKELIHOOD_ROLLING("loglikelihood_rolling", RequestType.LOGLIKELIHOOD_ROLLING),
  MULTIPLE_CHOICE("multiple_choice", RequestType.LOGLIKELIHOOD),
  GENERATE_UNTIL("generate_until", RequestType.GENERATE_UNTIL);

  private final String yamlName;
  private final RequestType requestType;

  OutputType(String yamlName, RequestType requestType) {
    this.yamlName = yamlName;
    this.requestType = requestType;
  }

  /** The name in task YAML. */
  public String yamlName() {
    return yamlName;
  }

  /** The request type this output type sends to the model. */
  public RequestType requestType() {
    return requestType;
  }

  /** Parses a YAML name; null if unknown. */
  public static OutputType fromYaml(String name) {
    return Arrays.stream(values()).filter(t -> t.yamlName.equals(name)).findFirst().orElse(null);
  }
}
