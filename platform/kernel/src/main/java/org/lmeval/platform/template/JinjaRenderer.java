package org.lmeval.platform.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import java.util.Map;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/**
 * Renders lm-eval's Jinja2 prompt templates. Thread-safe. The goal is Python Jinja2's exact output
 * (StrictUndefined, keep_trailing_newline, Python {@code str()} of values, Python string methods).
 */
public final class JinjaRenderer {
  private final Jinjava jinjava;

  public JinjaRenderer() {
    JinjavaConfig config = JinjavaConfig.newBuilder()
        .withFailOnUnknownTokens(true)
        .withTrimBlocks(false)
        .withLstripBlocks(false)
        .build();
    this.jinjava = new Jinjava(config);
  }

  /**
   * Renders {@code template} with {@code context} as its variables.
   *
   * @throws EvalException INVALID_TASK with Jinja's message; callers add the file, key and doc index
   */
  public String render(String template, Map<String, Object> context) {
    RenderResult result = jinjava.renderForResult(template, context);
    for (TemplateError error : result.getErrors()) {
      if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
        throw new EvalException(ErrorCode.INVALID_TASK, "template error: " + error.getMessage());
      }
    }
    return result.getOutput();
  }
}
