package org.lmeval.platform.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.lib.tag.Tag;
import java.util.Map;
import jinjava.javax.el.ExpressionFactory;

/**
 * Jinjava configured as lm-eval's Jinja2 environment: Jinjava parses the template (text, tags,
 * comments, whitespace control, raw blocks) and drives the statements; expressions, output, filters,
 * tests and statements are Jinja2's, with Python semantics ({@link PyExpressionFactory},
 * {@link PyInterpreter}, {@link JinjaTags}, {@link Filters}, {@link Tests}).
 */
final class PythonJinjava extends Jinjava {
  private final PyExpressionFactory expressions = new PyExpressionFactory();

  PythonJinjava() {
    super(config());
    for (Map.Entry<String, Filters.Body> e : Filters.builtins().entrySet()) {
      registerFilter(new JinjaFilter(e.getKey(), e.getValue()));
    }
    for (Map.Entry<String, Tests.Body> e : Tests.builtins().entrySet()) {
      registerExpTest(new JinjaTest(e.getKey(), e.getValue()));
    }
    for (Tag tag : JinjaTags.all()) {
      registerTag(tag);
    }
  }

  private static JinjavaConfig config() {
    return JinjavaConfig.newBuilder()
        .withFailOnUnknownTokens(false)
        .withTrimBlocks(false)
        .withLstripBlocks(false)
        .withNestedInterpretationEnabled(false)
        .withMaxOutputSize(0)
        .withMaxRenderDepth(100)
        .withInterperterFactory(new PyInterpreter.Factory())
        .withLegacyOverrides(LegacyOverrides.newBuilder()
            .withUseTrimmingForNotesAndExpressions(true)
            .withParseWhitespaceControlStrictly(true)
            .withAllowAdjacentTextNodes(true)
            .withKeepNullableLoopValues(true)
            .build())
        .build();
  }

  PyExpressionFactory expressions() {
    return expressions;
  }

  @Override
  public ExpressionFactory getExpressionFactory() {
    return expressions;
  }

  @Override
  public ExpressionFactory getEagerExpressionFactory() {
    return expressions;
  }
}
