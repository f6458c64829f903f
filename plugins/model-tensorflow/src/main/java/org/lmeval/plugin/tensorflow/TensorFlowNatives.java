package org.lmeval.plugin.tensorflow;

/** Which TensorFlow native build is on the class path. */
final class TensorFlowNatives {
  private TensorFlowNatives() {}

  /** Whether the CUDA build ({@code tensorflow-core-native:linux-x86_64-gpu}) is present. */
  static boolean gpuBuild() {
    return TensorFlowNatives.class.getClassLoader()
        .getResource("org/tensorflow/internal/c_api/linux-x86_64-gpu/") != null;
  }
}
