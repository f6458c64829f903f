package org.lmeval.plugin.djl;

/** stories260K's plain ONNX graph ({@code input_ids} only) on OnnxRuntime. */
class OnnxStoriesTest extends StoriesReferenceTest {
  @Override
  String format() {
    return "onnx";
  }

  @Override
  String engine() {
    return "OnnxRuntime";
  }
}
