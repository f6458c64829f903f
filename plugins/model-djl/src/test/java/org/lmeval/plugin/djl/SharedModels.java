package org.lmeval.plugin.djl;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared stories260K model folders: {@code lmeval.shared.dir} if that folder exists, else /work/shared. */
final class SharedModels {
  private SharedModels() {}

  static Path shared() {
    String property = System.getProperty("lmeval.shared.dir");
    if (property != null && Files.isDirectory(Path.of(property))) {
      return Path.of(property);
    }
    return Path.of("/work/shared");
  }

  /**
   * {@code models/stories260K/<format>}: onnx, onnx-hf, torchscript, tf-savedmodel, hf; onnx-hf-past (the ONNX
   * export with a key/value cache) from the shared folder when it has one, else from this module's test
   * resources.
   */
  static Path stories(String format) {
    Path shared = shared().resolve("models/stories260K").resolve(format);
    Path bundled = Path.of("src/test/resources/stories260K").resolve(format);
    return Files.isDirectory(shared) || !Files.isDirectory(bundled) ? shared : bundled.toAbsolutePath();
  }
}
