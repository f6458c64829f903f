package org.lmeval.api.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

class HubSnapshotsTest {
  @Test
  void globsMatchAsPythonsFnmatchWhereStarCrossesFolders() {
    assertTrue(HubSnapshots.matches("*.json", "config.json"));
    assertTrue(HubSnapshots.matches("*.json", "onnx/config.json"), "fnmatch's * also matches /");
    assertFalse(HubSnapshots.matches("*.json", "model.onnx"));
    assertTrue(HubSnapshots.matches("model.onnx_data*", "model.onnx_data_1"));
    assertFalse(HubSnapshots.matches("model.onnx", "onnx/model.onnx"));
    assertTrue(HubSnapshots.matches("variables/", "variables/variables.index"), "a folder means all under it");
    assertTrue(HubSnapshots.matches("model-0000?-of-0000[0-9].bin", "model-00001-of-00002.bin"));
    assertFalse(HubSnapshots.matches("[!m]odel.pt", "model.pt"));
    assertFalse(HubSnapshots.matches("Config.json", "config.json"), "case-sensitive");
    assertTrue(HubSnapshots.matches("a+b(c).json", "a+b(c).json"), "regex characters are literal");
  }

  @Test
  void repoIdsAreOrgSlashNameOrALegacyName() {
    assertTrue(HubSnapshots.isRepoId("EleutherAI/pythia-70m"));
    assertTrue(HubSnapshots.isRepoId("gpt2"));
    assertFalse(HubSnapshots.isRepoId("/abs/path"));
    assertFalse(HubSnapshots.isRepoId("a/b/c"));
    assertFalse(HubSnapshots.isRepoId("../up"));
    assertFalse(HubSnapshots.isRepoId("org/a--b"));
    assertFalse(HubSnapshots.isRepoId("./model"));
  }

  @Test
  void aContextWithoutAHubFailsClearlyAndTheOldConstructorStays() {
    ModelContext context = new ModelContext(Map.of("K", "v"));
    EvalException e = assertThrows(EvalException.class, () -> context.hub().snapshot("org/name", null, List.of()));
    assertTrue(e.code() == ErrorCode.BACKEND_UNAVAILABLE && e.getMessage().contains("org/name"), e.getMessage());
    assertThrows(EvalException.class, () -> ModelContext.empty().hub().snapshot("org/name", "main", List.of("*")));
  }
}
