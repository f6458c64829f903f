package org.lmeval.platform.boundary;

import org.lmeval.api.ErrorCode;
import org.lmeval.api.Options;
import java.util.Set;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.ModelContext;
import org.lmeval.api.model.ModelBackend;

/**
 * A plugin's {@link ModelBackend} behind the boundary: {@link #open} runs with the plugin's TCCL, rejects model
 * args the backend did not read (except the kernel's {@link UnreadOptions#KERNEL_MODEL_ARGS}), and returns a
 * {@link ClassLoaderSafeLanguageModel}.
 */
public final class ClassLoaderSafeModelBackend implements ModelBackend {
  private final ModelBackend delegate;
  private final Boundary boundary;
  private final String name;
  private final String component;

  public ClassLoaderSafeModelBackend(ModelBackend delegate, Boundary boundary) {
    this.delegate = delegate;
    this.boundary = boundary;
    this.name = Wrappers.name(boundary, "model backend", delegate::name);
    this.component = "model backend '" + name + "'";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public LanguageModel open(Options modelArgs) {
    return open(modelArgs, ModelContext.empty());
  }

  @Override
  public LanguageModel open(Options modelArgs, ModelContext context) {
    LanguageModel model = boundary.call(component, "open", ErrorCode.BACKEND_UNAVAILABLE,
        () -> delegate.open(modelArgs, context));
    ResultValidator.notNull(boundary, component, "open", ErrorCode.BACKEND_FAILURE, model, "the opened model");
    ClassLoaderSafeLanguageModel safe = new ClassLoaderSafeLanguageModel(model, name, boundary);
    try {
      UnreadOptions.check(modelArgs, "model arg", "model '" + name + "'", UnreadOptions.KERNEL_MODEL_ARGS);
    } catch (RuntimeException e) {
      try {
        safe.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return safe;
  }

  @Override
  public Set<String> environmentVariables() {
    Set<String> names = boundary.call(component, "environmentVariables()", ErrorCode.BACKEND_FAILURE,
        delegate::environmentVariables);
    return names == null ? Set.of() : Set.copyOf(names);
  }

  @Override
  public String description() {
    String d = boundary.call(component, "description()", ErrorCode.BACKEND_FAILURE, delegate::description);
    return d == null ? "" : d;
  }

  /** The plugin's own object, for identity checks in tests; never call it directly. */
  public ModelBackend delegate() {
    return delegate;
  }

  @Override
  public String toString() {
    return boundary.describe(component);
  }
}
