package org.lmeval.platform.boundary;

import java.util.Set;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.Options;
import org.lmeval.api.filter.Filter;
import org.lmeval.api.filter.FilterFactory;

/**
 * A plugin's {@link FilterFactory} behind the boundary: {@link #create} rejects kwargs the factory did not read
 * and returns a {@link ClassLoaderSafeFilter}.
 */
public final class ClassLoaderSafeFilterFactory implements FilterFactory {
  private final FilterFactory delegate;
  private final Boundary boundary;
  private final String name;
  private final String component;

  public ClassLoaderSafeFilterFactory(FilterFactory delegate, Boundary boundary) {
    this.delegate = delegate;
    this.boundary = boundary;
    this.name = Wrappers.name(boundary, "filter", delegate::name);
    this.component = "filter '" + name + "'";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Filter create(Options kwargs) {
    Filter filter = boundary.call(component, "create", ErrorCode.BACKEND_FAILURE, () -> delegate.create(kwargs));
    ResultValidator.notNull(boundary, component, "create", ErrorCode.BACKEND_FAILURE, filter, "the filter");
    UnreadOptions.check(kwargs, "filter kwarg", "filter '" + name + "'", Set.of());
    return new ClassLoaderSafeFilter(filter, component, boundary);
  }

  @Override
  public String toString() {
    return boundary.describe(component);
  }
}
