package org.lmeval.plugin.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.Options;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.ModelContext;
import org.lmeval.platform.hub.HubModelSnapshots;
import org.lmeval.platform.hub.HubSettings;
import org.lmeval.testkit.hub.FakeHub;

/** {@code pretrained=<Hub repo id>} for a SavedModel repo, through the kernel's Hub client and a fake Hub. */
class TensorFlowHubTest {
  @TempDir
  Path tmp;

  @Test
  void opensASavedModelRepoByIdWithTheReferenceNumbers() throws Exception {
    String commit = FakeHub.sha1("tf");
    try (FakeHub hub = new FakeHub()) {
      hub.publishModel("karpathy/stories260K-tf", SavedModelStoriesTest.stories(), "main", commit);
      ModelContext context = new ModelContext(Map.of(), new HubModelSnapshots(HubSettings.of(Map.of(
          "endpoint", hub.endpoint(), "cache_dir", tmp.toString()))));
      Options args = Options.of("model arg", Map.of("pretrained", "karpathy/stories260K-tf"));
      try (LanguageModel m = new TensorFlowModelBackend().open(args, context)) {
        assertEquals("karpathy/stories260K-tf", m.modelName());
        assertEquals(-0.14692, m.loglikelihood(List.of(new LoglikelihoodRequest(
            SavedModelStoriesTest.CONTEXT, " Lily."))).get(0).logprob(), 1e-4);
      }
      Path snapshot = tmp.resolve("models--karpathy--stories260K-tf/snapshots/" + commit);
      assertTrue(Files.isRegularFile(snapshot.resolve("variables/variables.index")));
      assertTrue(hub.log.stream().anyMatch(s -> s.server().equals("storage") && s.target().contains("/blob/")),
          "the variables came from the storage host");
    }
  }
}
