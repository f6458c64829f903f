package org.lmeval.plugin.djl;

/** stories260K traced to TorchScript ({@code forward(input_ids, attention_mask)}) on DJL's PyTorch engine. */
class TorchScriptStoriesTest extends StoriesReferenceTest {
  @Override
  String format() {
    return "torchscript";
  }

  @Override
  String engine() {
    return "pytorch";
  }
}
