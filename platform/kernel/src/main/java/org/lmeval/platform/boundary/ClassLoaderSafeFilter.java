package org.lmeval.platform.boundary;

import java.util.List;
import java.util.Map;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.filter.Filter;

/** A configured filter behind the boundary; its output MUST keep the input's outer size. */
public final class ClassLoaderSafeFilter implements Filter {
  private final Filter delegate;
  private final String component;
  private final Boundary boundary;

  public ClassLoaderSafeFilter(Filter delegate, String component, Boundary boundary) {
    this.delegate = delegate;
    this.component = component;
    this.boundary = boundary;
  }

  @Override
  public List<Object> apply(List<Object> responses, List<Map<String, Object>> docs) {
    List<Object> out = boundary.call(component, "a filter over " + responses.size() + " responses",
        ErrorCode.BACKEND_FAILURE, () -> delegate.apply(responses, docs));
    return ResultValidator.filtered(boundary, component, responses.size(), out);
  }

  @Override
  public String toString() {
    return boundary.describe(component);
  }
}
