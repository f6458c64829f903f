package org.lmeval.plugin.djl;

/**
 * stories260K's ONNX export with a key/value cache ({@code past_key_values.*} in, {@code present.*} out): every
 * reference check, generation included, through the cached decoding path.
 */
class OnnxHfPastStoriesTest extends StoriesReferenceTest {
  @Override
  String format() {
    return "onnx-hf-past";
  }

  @Override
  String engine() {
    return "OnnxRuntime";
  }
}
