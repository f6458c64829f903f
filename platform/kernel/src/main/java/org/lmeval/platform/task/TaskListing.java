package org.lmeval.platform.task;

/**
 * One line of {@code lm-eval ls tasks}.
 *
 * @param name the task, group or tag name
 * @param kind what it is
 * @param path its YAML file ("---" for tags)
 * @param outputType the task's {@code output_type} as written ("" when the YAML has none or for groups and tags)
 */
public record TaskListing(String name, EntryKind kind, String path, String outputType) {}
