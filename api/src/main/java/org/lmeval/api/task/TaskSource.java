package org.lmeval.api.task;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * A tree of task YAML files (and their includes and data), e.g. a task bundle jar or an
 * {@code --include_path} folder. {@code include:} is resolved only inside the same source.
 */
public interface TaskSource {
  /** A stable id for messages: the bundle id or folder. */
  String id();

  /** Relative paths ('/'-separated) of every file in the source. */
  Set<String> files();

  /** Opens one of {@link #files()}. */
  InputStream open(String path) throws IOException;
}
