package org.lmeval.tasks.parity;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's shared data folder: {@code lmeval.shared.dir} when it exists, else {@code /work/shared}. */
final class SharedData {
  private SharedData() {}

  static Path dir() {
    String prop = System.getProperty("lmeval.shared.dir");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Path.of(prop);
    }
    return Path.of("/work/shared");
  }

  /** The offline datasets in Hugging Face layout. */
  static Path datasets() {
    return dir().resolve("datasets/hf");
  }
}
