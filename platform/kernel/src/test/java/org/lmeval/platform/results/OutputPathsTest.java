package org.lmeval.platform.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** §7.3 file names and lm-eval's tracker naming rules. */
class OutputPathsTest {

  @Test
  void directoryOutput() {
    OutputPaths p = OutputPaths.of(Path.of("out"), "EleutherAI__pythia-14m", "2026-05-11T17-50-39.123456");
    assertEquals(Path.of("out/EleutherAI__pythia-14m/results_2026-05-11T17-50-39.123456.json"), p.resultsFile());
    assertEquals(Path.of("out/EleutherAI__pythia-14m/samples_arc_easy_2026-05-11T17-50-39.123456.jsonl"),
        p.samplesFile("arc_easy"));
  }

  @Test
  void jsonFileOutput() {
    OutputPaths p = OutputPaths.of(Path.of("/tmp/runs/my.json"), "m", "D");
    assertEquals(Path.of("/tmp/runs/my_D.json"), p.resultsFile());
    assertEquals(Path.of("/tmp/runs/samples_t_D.jsonl"), p.samplesFile("t"));
  }

  @Test
  void dateIdIsPythonIsoformat() {
    assertEquals("2026-05-11T17-50-39.000042", OutputPaths.dateId(LocalDateTime.of(2026, 5, 11, 17, 50, 39, 42_000)));
    assertEquals("2026-05-11T07-05-09", OutputPaths.dateId(LocalDateTime.of(2026, 5, 11, 7, 5, 9, 999)),
        "no microseconds: isoformat omits them");
  }

  @Test
  void trackerNames() {
    assertEquals("EleutherAI/pythia-14m", TrackerInfo.modelName(Map.of("pretrained", "EleutherAI/pythia-14m")));
    assertEquals("x", TrackerInfo.modelName(Map.of("pretrained", "p", "peft", "x")), "peft comes first");
    assertEquals("EleutherAI__pythia-14m", TrackerInfo.sanitizeModelName("EleutherAI/pythia-14m"));
    assertEquals("a__b__c", TrackerInfo.sanitizeModelName("a:/b<>|c"));
    assertEquals(8, TrackerInfo.modelName(Map.of("dtype", "float32")).length());
    TrackerInfo t = TrackerInfo.of("hf", Map.of("pretrained", "gpt2"), "Be brief.", null, false);
    assertEquals(Hashing.sha256("Be brief."), t.systemInstructionSha());
    assertEquals(null, t.chatTemplateSha());
    assertEquals("1.5", t.withTotalEvaluationTime(1.5).totalEvaluationTimeSeconds());
  }
}
