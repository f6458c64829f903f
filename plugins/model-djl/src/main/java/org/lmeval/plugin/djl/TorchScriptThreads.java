package org.lmeval.plugin.djl;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Per-thread PyTorch settings. TorchScript's profiling graph executor re-specialises the graph for every new
 * input shape; evaluation feeds a new sequence length on almost every call, so it only costs time here.
 * The setting is thread-local in libtorch, hence applied on the calling thread before each forward pass.
 */
final class TorchScriptThreads {
  private TorchScriptThreads() {}

  static void disableGraphOptimizer() {
    JniUtils.setGraphExecutorOptimize(false);
  }
}
