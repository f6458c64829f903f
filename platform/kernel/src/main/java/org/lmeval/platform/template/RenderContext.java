package org.lmeval.platform.template;

import com.google.common.collect.SetMultimap;
import com.hubspot.jinjava.interpret.Context;
import java.util.Map;
import java.util.Set;

/**
 * The root scope of one render, a child of the renderer's shared (read-only) library context.
 * Jinjava records which expressions and values a render resolved, for its own tooling, by writing
 * up the parent chain; that bookkeeping stops here, so concurrent renders never write to the shared
 * context (and it does not grow with every template rendered).
 */
final class RenderContext extends Context {
  private static final long serialVersionUID = 1L;

  RenderContext(Context library, Map<String, ?> bindings, Map<Library, Set<String>> disabled) {
    super(library, bindings, disabled, true);
  }

  @Override
  public void addResolvedExpression(String expression) {
    // not needed: Jinjava's dependency tracking is unused
  }

  @Override
  public void addResolvedValue(String value) {
    // not needed
  }

  @Override
  public void addResolvedFunction(String function) {
    // not needed
  }

  @Override
  public void addDependency(String type, String identification) {
    // not needed
  }

  @Override
  public void addDependencies(SetMultimap<String, String> dependencies) {
    // not needed
  }
}
