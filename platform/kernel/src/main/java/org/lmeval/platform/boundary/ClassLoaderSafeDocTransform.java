package org.lmeval.platform.boundary;

import java.util.List;
import java.util.Map;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.task.DocTransform;

/** A plugin's {@link DocTransform} ({@code process_docs}) behind the boundary; no null docs come out. */
public final class ClassLoaderSafeDocTransform implements DocTransform {
  private final DocTransform delegate;
  private final Boundary boundary;
  private final String name;
  private final String component;

  public ClassLoaderSafeDocTransform(DocTransform delegate, Boundary boundary) {
    this.delegate = delegate;
    this.boundary = boundary;
    this.name = Wrappers.name(boundary, "doc transform", delegate::name);
    this.component = "doc transform '" + name + "'";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Map<String, Object>> apply(List<Map<String, Object>> docs) {
    String operation = "process_docs over " + docs.size() + " docs";
    List<Map<String, Object>> out = boundary.call(component, operation, ErrorCode.INVALID_TASK,
        () -> delegate.apply(docs));
    return ResultValidator.noNulls(boundary, component, operation, ErrorCode.INVALID_TASK, out, i -> "doc " + i);
  }

  @Override
  public String toString() {
    return boundary.describe(component);
  }
}
