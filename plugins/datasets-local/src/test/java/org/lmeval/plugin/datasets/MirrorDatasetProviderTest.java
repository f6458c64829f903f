package org.lmeval.plugin.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.dataset.DatasetRequest;

class MirrorDatasetProviderTest {
  final MirrorDatasetProvider provider = new MirrorDatasetProvider();
  final Options settings = Options.of("dataset setting", Map.of("dataset_dir", SharedData.datasets().toString()));

  @Test
  void readsPathConfigSplitFromTheMirror() {
    List<Map<String, Object>> docs = provider.load(new DatasetRequest("allenai/ai2_arc", "ARC-Easy", "test", Map.of(),
        settings)).orElseThrow();
    assertEquals(2376, docs.size());
    assertEquals("Mercury_417466", docs.get(0).get("id"));
    assertEquals(List.of("id", "question", "choices", "answerKey"), List.copyOf(docs.get(0).keySet()));
    List<Map<String, Object>> lambada = provider.load(new DatasetRequest("EleutherAI/lambada_openai", null, "test",
        Map.of(), settings)).orElseThrow();
    assertEquals(5153, lambada.size(), "no dataset_name reads the 'default' config");
  }

  @Test
  void unknownDatasetsAreLeftToOtherProvidersButMissingSplitsAreErrors() {
    assertTrue(provider.load(new DatasetRequest("someone/else", null, "test", Map.of(), settings)).isEmpty());
    assertTrue(provider.load(new DatasetRequest("allenai/ai2_arc", "ARC-Easy", "test", Map.of(), null)).isEmpty(),
        "no dataset_dir: not handled");
    EvalException split = assertThrows(EvalException.class, () -> provider.load(new DatasetRequest("allenai/ai2_arc",
        "ARC-Easy", "train", Map.of(), settings)));
    assertTrue(split.getMessage().contains("no split 'train'") && split.getMessage().contains("test, validation"),
        split.getMessage());
    EvalException config = assertThrows(EvalException.class, () -> provider.load(new DatasetRequest("allenai/ai2_arc",
        "ARC-Hard", "test", Map.of(), settings)));
    assertTrue(config.getMessage().contains("ARC-Challenge, ARC-Easy"), config.getMessage());
  }
}
