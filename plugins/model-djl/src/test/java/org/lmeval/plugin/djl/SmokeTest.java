package org.lmeval.plugin.djl;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmeval.api.Options;
import org.lmeval.api.model.*;

class SmokeTest {
  @Test
  void smoke() {
    for (String f : List.of("onnx", "onnx-hf", "torchscript")) {
      long t0 = System.nanoTime();
      try (DjlLanguageModel m = (DjlLanguageModel) new DjlModelBackend().open(Options.of("model arg",
          Map.of("pretrained", SharedModels.stories(f).toString())))) {
        System.out.println(f + " load ms " + (System.nanoTime() - t0) / 1e6);
        System.out.println(java.util.Arrays.toString(m.encode("Once upon a time, there was a little girl named Lily.")));
        System.out.println(m.loglikelihood(List.of(
            new LoglikelihoodRequest("", "Once upon a time, there was a little girl named Lily."),
            new LoglikelihoodRequest("Once upon a time, there was a little girl named", " Lily."),
            new LoglikelihoodRequest("Once upon a time, there was a little girl named", " Tom."))));
        System.out.println(m.generateUntil(List.of(new GenerationRequest("Once upon a time", GenerationParams.greedy(List.of("\n"))))));
        System.out.println(m.loglikelihoodRolling(List.of(new RollingRequest("Once upon a time, there was a little girl named Lily."))));
      }
    }
  }
}
