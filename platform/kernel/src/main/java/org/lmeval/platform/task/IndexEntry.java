package org.lmeval.platform.task;

import java.util.Set;
import org.lmeval.api.task.TaskSource;

/**
 * One name in the task index.
 *
 * @param name the task, group or tag name
 * @param kind what it is
 * @param source the task source of its YAML file (null for tags)
 * @param path the YAML file inside the source (null for tags)
 * @param displayPath the YAML file as users see it (null for tags)
 * @param outputType the {@code output_type} written in the YAML (after includes), or "" if none
 * @param tags for tasks, the tags the task lists; for tags, the member task names (sorted)
 */
public record IndexEntry(String name, EntryKind kind, TaskSource source, String path, String displayPath,
    String outputType, Set<String> tags) {
  public IndexEntry {
    tags = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(tags));
  }
}
