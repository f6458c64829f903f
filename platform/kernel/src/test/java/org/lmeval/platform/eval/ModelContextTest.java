package org.lmeval.platform.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.ModelBackend;
import org.lmeval.api.model.ModelContext;

class ModelContextTest {
  private static final ModelBackend DECLARES_KEY = new ModelBackend() {
    @Override
    public String name() {
      return "declares-key";
    }

    @Override
    public Set<String> environmentVariables() {
      return Set.of("SOME_API_KEY", "UNSET_VARIABLE");
    }

    @Override
    public LanguageModel open(Options modelArgs) {
      throw new AssertionError("not opened here");
    }
  };

  @Test
  void aBackendGetsOnlyTheVariablesItDeclaresThatAreSet() {
    EvalSettings settings = EvalSettings.builder()
        .environment(Map.of("SOME_API_KEY", "sk-1", "HOME", "/home/x", "OTHER_API_KEY", "sk-2")).build();
    ModelContext context = Evaluator.modelContext(DECLARES_KEY, settings);
    assertEquals(Map.of("SOME_API_KEY", "sk-1"), context.environment());
    assertEquals("sk-1", context.getenv("SOME_API_KEY"));
    assertEquals(null, context.getenv("HOME"));
  }

  @Test
  void environmentValuesNeverShowInToString() {
    EvalSettings settings = EvalSettings.builder().environment(Map.of("SOME_API_KEY", "sk-secret")).build();
    assertFalse(settings.toString().contains("sk-secret"), settings.toString());
    assertTrue(settings.toString().contains("SOME_API_KEY"), settings.toString());
    ModelContext context = Evaluator.modelContext(DECLARES_KEY, settings);
    assertFalse(context.toString().contains("sk-secret"), context.toString());
  }

  @Test
  void theHubIsTheKernelsConfiguredFromModelHubOptions(@TempDir Path cache) {
    EvalSettings settings = EvalSettings.builder().modelHubOptions(Map.of("offline", true, "cache_dir",
        cache.toString(), "token", "hf_secret")).build();
    assertFalse(settings.toString().contains("hf_secret"), settings.toString());
    ModelContext context = Evaluator.modelContext(DECLARES_KEY, settings);
    EvalException e = assertThrows(EvalException.class,
        () -> context.hub().snapshot("org/model", "v1", List.of("*.json")));
    assertTrue(e.getMessage().contains("'org/model'") && e.getMessage().contains("'v1'")
        && e.getMessage().contains(cache.toString()) && e.getMessage().contains("HF_HUB_OFFLINE"), e.getMessage());
    assertFalse(e.getMessage().contains("hf_secret"));
  }
}
