package org.lmeval.plugin.djl;

/** stories260K's Hugging Face ONNX export ({@code input_ids}, {@code attention_mask}, {@code position_ids}). */
class OnnxHfStoriesTest extends StoriesReferenceTest {
  @Override
  String format() {
    return "onnx-hf";
  }

  @Override
  String engine() {
    return "OnnxRuntime";
  }
}
