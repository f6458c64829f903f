package org.lmeval.platform.boundary;

import java.util.Map;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.task.DocFunction;

/** A plugin's {@link DocFunction} ({@code doc_to_text} etc.) behind the boundary; it never returns null. */
public final class ClassLoaderSafeDocFunction implements DocFunction {
  private final DocFunction delegate;
  private final Boundary boundary;
  private final String name;
  private final String component;

  public ClassLoaderSafeDocFunction(DocFunction delegate, Boundary boundary) {
    this.delegate = delegate;
    this.boundary = boundary;
    this.name = Wrappers.name(boundary, "doc function", delegate::name);
    this.component = "doc function '" + name + "'";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Object apply(Map<String, Object> doc) {
    String operation = "a call on one doc";
    Object out = boundary.call(component, operation, ErrorCode.INVALID_TASK, () -> delegate.apply(doc));
    return ResultValidator.notNull(boundary, component, operation, ErrorCode.INVALID_TASK, out, "the result");
  }

  @Override
  public String toString() {
    return boundary.describe(component);
  }
}
