package org.lmeval.platform.boundary;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.dataset.DatasetProvider;
import org.lmeval.api.dataset.DatasetRequest;

/** A plugin's {@link DatasetProvider} behind the boundary; no null records come out. */
public final class ClassLoaderSafeDatasetProvider implements DatasetProvider {
  private final DatasetProvider delegate;
  private final Boundary boundary;
  private final String name;
  private final String component;
  private final int priority;

  public ClassLoaderSafeDatasetProvider(DatasetProvider delegate, Boundary boundary) {
    this.delegate = delegate;
    this.boundary = boundary;
    this.name = Wrappers.name(boundary, "dataset provider", delegate::name);
    this.component = "dataset provider '" + name + "'";
    this.priority = boundary.call(component, "priority()", ErrorCode.PLUGIN_LOAD_FAILED, delegate::priority);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int priority() {
    return priority;
  }

  @Override
  public Optional<List<Map<String, Object>>> load(DatasetRequest request) {
    String operation = "loading " + request.path() + (request.name() == null ? "" : "/" + request.name())
        + " split " + request.split();
    Optional<List<Map<String, Object>>> out = boundary.call(component, operation, ErrorCode.INVALID_TASK,
        () -> delegate.load(request));
    ResultValidator.notNull(boundary, component, operation, ErrorCode.INVALID_TASK, out, "the Optional");
    if (out.isEmpty()) {
      return out;
    }
    return Optional.of(ResultValidator.noNulls(boundary, component, operation, ErrorCode.INVALID_TASK, out.get(),
        i -> "record " + i));
  }

  @Override
  public String toString() {
    return boundary.describe(component);
  }
}
