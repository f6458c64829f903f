package org.lmeval.platform.task;

import java.util.List;
import java.util.Optional;
import org.lmeval.api.task.TaskSource;

/**
 * What the task engine can use beyond {@link TaskSource} when a source offers it: a display path for
 * messages and {@code metadata.config_source}, the folder names above the source's root (so that a
 * {@code !function} in a folder given with {@code --include_path} still finds its lm-eval dotted name),
 * and a cheap change stamp per file for the on-disk index cache.
 */
public interface StampedTaskSource extends TaskSource {
  /** The file as users should see it (an absolute path for folders). */
  String displayPath(String path);

  /** Folder names from the file system root down to this source's root (empty for jars). */
  List<String> rootSegments();

  /** A stamp that changes when the file changes (size and modification time), or empty if unknown. */
  Optional<String> stamp(String path);
}
