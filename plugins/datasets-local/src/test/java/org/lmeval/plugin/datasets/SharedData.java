package org.lmeval.plugin.datasets;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared offline datasets: {@code lmeval.shared.dir} when it exists, else {@code /work/shared}. */
final class SharedData {
  private SharedData() {}

  static Path datasets() {
    String prop = System.getProperty("lmeval.shared.dir");
    Path shared = prop != null && Files.isDirectory(Path.of(prop)) ? Path.of(prop) : Path.of("/work/shared");
    return shared.resolve("datasets/hf");
  }
}
