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

  /** {@code models/stories260K/<format>}: onnx, onnx-hf, torchscript, tf-savedmodel, hf. */
  static Path stories(String format) {
    return shared().resolve("models/stories260K").resolve(format);
  }
}
