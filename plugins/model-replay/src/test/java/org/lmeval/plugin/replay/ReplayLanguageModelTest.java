package org.lmeval.plugin.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RollingRequest;

class ReplayLanguageModelTest {
  private static final String GSM8K_KWARGS = "{\"until\": [\"Question:\", \"</s>\", \"<|im_end|>\"], "
      + "\"do_sample\": false, \"temperature\": 0.0, \"max_gen_toks\": 16}";
  private static final GenerationParams GSM8K_PARAMS = new GenerationParams(List.of("Question:", "</s>",
      "<|im_end|>"), OptionalInt.of(16), false, OptionalDouble.of(0), Map.of());

  @TempDir
  Path dir;

  private LanguageModel open(Path path) {
    return new ReplayModelBackend().open(Options.of("model arg", Map.of("path", path.toString())));
  }

  @Test
  void loglikelihoodsReadBackExactlyFromPythonReprs() throws IOException {
    SamplesFiles.write(dir.resolve("a/b"), "samples_arc_easy_2026-05-11T17-50-39.123456.jsonl", List.of(
        SamplesFiles.loglikelihoodRecord(0, List.of(
            new String[] {"Question: Why?\nAnswer:", " Because", "-4.123456789012345e-05", "False"},
            new String[] {"Question: Why?\nAnswer:", " Not", "-17.953125000000004", "True"}))));
    LanguageModel model = open(dir);
    List<LoglikelihoodResult> r = model.loglikelihood(List.of(
        new LoglikelihoodRequest("Question: Why?\nAnswer:", " Not"),
        new LoglikelihoodRequest("Question: Why?\nAnswer:", " Because")));
    assertEquals(new LoglikelihoodResult(-17.953125000000004, true), r.get(0));
    assertEquals(new LoglikelihoodResult(-4.123456789012345e-05, false), r.get(1));
    assertEquals(Double.doubleToLongBits(-4.123456789012345e-05), Double.doubleToLongBits(r.get(1).logprob()));
  }

  @Test
  void rollingByTextAndNonFiniteReprs() throws IOException {
    SamplesFiles.write(dir, "samples_wikitext_x.jsonl", List.of(
        SamplesFiles.rollingRecord(0, "= Title =\n text", "-1234.5678901234"),
        SamplesFiles.rollingRecord(1, "other", "-inf")));
    LanguageModel model = open(dir);
    assertEquals(-1234.5678901234, model.loglikelihoodRolling(List.of(new RollingRequest("= Title =\n text")))
        .get(0).logprob());
    assertEquals(Double.NEGATIVE_INFINITY, model.loglikelihoodRolling(List.of(new RollingRequest("other")))
        .get(0).logprob());
  }

  @Test
  void generationsMatchByContextAndKwargsAndServeRepeatsInLoggedOrder() throws IOException {
    // gsm8k logs two filter sets per document: the same request twice, with the same answers.
    String ctx = "Question: 2+2?\nAnswer:";
    SamplesFiles.write(dir, "samples_gsm8k_x.jsonl", List.of(
        SamplesFiles.generationRecord(0, ctx, GSM8K_KWARGS, List.of(" 4", " four", " 5")),
        SamplesFiles.generationRecord(0, ctx, GSM8K_KWARGS, List.of(" 4", " four", " 5")),
        SamplesFiles.generationRecord(1, ctx, "{\"until\": \"\\n\"}", List.of(" other kwargs"))));
    LanguageModel model = open(dir);
    GenerationRequest req = new GenerationRequest(ctx, GSM8K_PARAMS);
    assertEquals(List.of(" 4", " four", " 5", " 4"), model.generateUntil(List.of(req, req, req, req)));
    assertEquals(List.of(" other kwargs"), model.generateUntil(List.of(
        new GenerationRequest(ctx, GenerationParams.greedy(List.of("\n"))))));
    EvalException e = assertThrows(EvalException.class, () -> model.generateUntil(List.of(new GenerationRequest(ctx,
        new GenerationParams(List.of("Question:", "</s>", "<|im_end|>"), OptionalInt.of(32), false,
            OptionalDouble.of(0), Map.of())))));
    assertEquals(ErrorCode.BACKEND_FAILURE, e.code());
    assertTrue(e.getMessage().contains("max=32"), e.getMessage());
  }

  @Test
  void aRequestNeverLoggedNamesTheRequestAndTheFolder() throws IOException {
    SamplesFiles.write(dir, "samples_t_x.jsonl", List.of(SamplesFiles.loglikelihoodRecord(0,
        List.<String[]>of(new String[] {"ctx", " a", "-1.0", "True"}))));
    LanguageModel model = open(dir);
    EvalException e = assertThrows(EvalException.class, () -> model.loglikelihood(List.of(
        new LoglikelihoodRequest("The question\nwas long " + "x".repeat(200), " b"))));
    assertEquals(ErrorCode.BACKEND_FAILURE, e.code());
    assertTrue(e.getMessage().startsWith("replay: no logged answer for the loglikelihood request (context "
        + "\"The question\\nwas long xxx"), e.getMessage());
    assertTrue(e.getMessage().contains("(222 chars), continuation \" b\")"), e.getMessage());
    assertTrue(e.getMessage().contains("under " + dir), e.getMessage());
  }

  @Test
  void identicalRequestsWithDifferentAnswersFailWhenAskedForNamingBothPlaces() throws IOException {
    Path first = SamplesFiles.write(dir, "samples_t1_x.jsonl", List.of(SamplesFiles.loglikelihoodRecord(3,
        List.<String[]>of(new String[] {"ctx", " a", "-1.0", "True"}, new String[] {"ctx", " b", "-2.0", "False"}))));
    Path second = SamplesFiles.write(dir, "samples_t2_x.jsonl", List.of("", SamplesFiles.loglikelihoodRecord(7,
        List.<String[]>of(new String[] {"ctx", " a", "-1.0000000000000002", "True"},
            new String[] {"ctx", " b", "-2.0", "False"}))));
    LanguageModel model = open(dir);
    assertEquals(new LoglikelihoodResult(-2.0, false),
        model.loglikelihood(List.of(new LoglikelihoodRequest("ctx", " b"))).get(0));
    EvalException e = assertThrows(EvalException.class,
        () -> model.loglikelihood(List.of(new LoglikelihoodRequest("ctx", " a"))));
    assertTrue(e.getMessage().contains("logged with different answers"), e.getMessage());
    assertTrue(e.getMessage().contains("(-1.0, True) at " + first + ":1 (doc_id 3)"), e.getMessage());
    assertTrue(e.getMessage().contains("(-1.0000000000000002, True) at " + second + ":2 (doc_id 7)"),
        e.getMessage());
  }

  @Test
  void badFoldersAndFilesAreClearErrors() throws IOException {
    EvalException missing = assertThrows(EvalException.class, () -> open(dir.resolve("nope")));
    assertEquals(ErrorCode.INVALID_ARGUMENT, missing.code());
    assertTrue(missing.getMessage().contains("model arg 'path'"), missing.getMessage());

    EvalException empty = assertThrows(EvalException.class, () -> open(dir));
    assertTrue(empty.getMessage().startsWith("replay: no samples_<task>_<date>.jsonl files under " + dir),
        empty.getMessage());

    EvalException noPath = assertThrows(EvalException.class,
        () -> new ReplayModelBackend().open(Options.of("model arg", Map.of())));
    assertTrue(noPath.getMessage().contains("'path' is required"), noPath.getMessage());

    Path bad = SamplesFiles.write(dir, "samples_bad_x.jsonl", List.of(
        SamplesFiles.rollingRecord(0, "fine", "-1.5"),
        SamplesFiles.loglikelihoodRecord(1, List.<String[]>of(new String[] {"c", " x", "-1.5", "maybe"}))));
    EvalException malformed = assertThrows(EvalException.class, () -> open(dir));
    assertTrue(malformed.getMessage().contains(bad + " line 2"), malformed.getMessage());
    assertTrue(malformed.getMessage().contains("not a Python bool: 'maybe'"), malformed.getMessage());
  }

  @Test
  void pythonFloatReprsOnly() {
    assertEquals(1e-05, LoggedValues.parseFloat("1e-05"));
    assertEquals(-0.0, LoggedValues.parseFloat("-0.0"));
    assertTrue(Double.isNaN(LoggedValues.parseFloat("nan")));
    assertThrows(IllegalArgumentException.class, () -> LoggedValues.parseFloat("1f"));
    assertThrows(IllegalArgumentException.class, () -> LoggedValues.parseFloat("0x1p3"));
    assertFalse(LoggedValues.parseBool("False"));
  }
}
