package org.lmeval.platform.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmeval.api.Options;
import org.lmeval.platform.eval.EvalSettings;

class DatasetSettingsTest {
  @Test
  void datasetOptionsReachProvidersNextToTheMirrorAndTheTokenStaysOutOfToString() {
    EvalSettings s = EvalSettings.builder().datasetDir(Path.of("/mirror"))
        .datasetOptions(Map.of("offline", true, "token", "hf_secret", "endpoint", "http://127.0.0.1:1",
            "cache_dir", "/cache"))
        .build();
    Options o = TaskManager.datasetSettings(s);
    assertEquals("/mirror", o.string("dataset_dir").orElseThrow());
    assertEquals(true, o.bool("offline").orElseThrow());
    assertEquals("hf_secret", o.string("token").orElseThrow());
    assertEquals("http://127.0.0.1:1", o.string("endpoint").orElseThrow());
    assertEquals("/cache", o.string("cache_dir").orElseThrow());
    assertFalse(s.toString().contains("hf_secret"), s.toString());
    assertTrue(s.toString().contains("token=<hidden>"), s.toString());
    assertEquals(s, s.toBuilder().build());
    assertTrue(EvalSettings.defaults().datasetOptions().isEmpty());
  }
}
