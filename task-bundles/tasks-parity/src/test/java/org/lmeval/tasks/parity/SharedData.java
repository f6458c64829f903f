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

  /**
   * A stories260K model folder: the shared one, else (for onnx-hf-past, the export with a key/value cache)
   * the copy in model-djl's test resources.
   */
  static Path stories260K(String folder) {
    Path shared = dir().resolve("models/stories260K").resolve(folder);
    Path bundled = Path.of("../../plugins/model-djl/src/test/resources/stories260K").resolve(folder);
    return Files.isDirectory(shared) || !Files.isDirectory(bundled) ? shared : bundled.toAbsolutePath().normalize();
  }

  /** The offline datasets in Hugging Face layout. */
  static Path datasets() {
    return dir().resolve("datasets/hf");
  }
}
