package org.lmeval.platform.task;

/**
 * Where something was written: a file of a task source and a 1-based line (0 when unknown).
 *
 * @param file the file as shown to users (absolute path for folders, {@code source-id:path} otherwise)
 * @param line the 1-based line, or 0
 */
public record Location(String file, int line) {
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }
}
