package org.lmeval.platform.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.task.TaskSource;

/**
 * A plugin's {@link TaskSource} behind the boundary: paths are checked to be relative and '/'-separated, and
 * {@link #open} fails with an {@link IOException} that names the plugin when the plugin returns no stream.
 */
public final class ClassLoaderSafeTaskSource implements TaskSource {
  private final TaskSource delegate;
  private final Boundary boundary;
  private final String id;
  private final String component;

  public ClassLoaderSafeTaskSource(TaskSource delegate, Boundary boundary) {
    this.delegate = delegate;
    this.boundary = boundary;
    this.id = Wrappers.name(boundary, "task source", delegate::id);
    this.component = "task source '" + id + "'";
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Set<String> files() {
    Set<String> files = boundary.call(component, "files()", ErrorCode.INVALID_TASK, delegate::files);
    ResultValidator.notNull(boundary, component, "files()", ErrorCode.INVALID_TASK, files, "the set");
    Set<String> copy = new LinkedHashSet<>();
    for (String f : files) {
      if (f == null || f.isEmpty() || f.startsWith("/") || f.contains("\\") || Set.of(f.split("/")).contains("..")) {
        throw boundary.invalidResult(component, "files()", ErrorCode.INVALID_TASK, "path '" + f
            + "' is not relative and '/'-separated");
      }
      copy.add(f);
    }
    return Collections.unmodifiableSet(copy);
  }

  @Override
  public InputStream open(String path) throws IOException {
    InputStream in = boundary.callIo(component, "open('" + path + "')", ErrorCode.INVALID_TASK,
        () -> delegate.open(path));
    if (in == null) {
      throw new IOException(boundary.describe(component) + " returned no stream for '" + path + "'");
    }
    return in;
  }

  /** The wrapped source, for identity checks in tests; never call it directly. */
  public TaskSource delegate() {
    return delegate;
  }

  @Override
  public String toString() {
    return boundary.describe(component);
  }
}
