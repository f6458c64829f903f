package org.lmeval.plugin.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import org.lmeval.plugin.djl.hf.HfLanguageModel;

/** stories260K's SavedModel (int32 input_ids, no mask) against the reference values of shared/models/README.md. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SavedModelStoriesTest {
  static final String SENTENCE = "Once upon a time, there was a little girl named Lily.";
  static final String CONTEXT = "Once upon a time, there was a little girl named";

  private final List<LanguageModel> opened = new ArrayList<>();
  private HfLanguageModel model;

  static Path stories() {
    String property = System.getProperty("lmeval.shared.dir");
    Path shared = property != null && Files.isDirectory(Path.of(property)) ? Path.of(property) : Path.of("/work/shared");
    return shared.resolve("models/stories260K/tf-savedmodel");
  }

  HfLanguageModel open(Map<String, Object> extra) {
    Map<String, Object> args = new HashMap<>(extra);
    args.putIfAbsent("pretrained", stories().toString());
    Options options = Options.of("model arg", args);
    HfLanguageModel m = (HfLanguageModel) new TensorFlowModelBackend().open(options);
    opened.add(m);
    assertEquals(Set.of(), options.unreadKeys());
    return m;
  }

  @BeforeAll
  void load() {
    model = open(Map.of());
  }

  @AfterAll
  void closeAll() {
    opened.forEach(LanguageModel::close);
  }

  @Test
  void reproducesTheReferenceValues() {
    assertArrayEquals(new int[] {1, 403, 407, 261, 378, 432, 383, 286, 261, 376, 298, 315, 421, 395, 317, 426},
        model.encode(SENTENCE));
    List<LoglikelihoodResult> r = model.loglikelihood(List.of(
        new LoglikelihoodRequest("", SENTENCE),
        new LoglikelihoodRequest(CONTEXT, " Lily."),
        new LoglikelihoodRequest(CONTEXT, " Tom.")));
    assertEquals(-1.5021, r.get(0).logprob(), 1e-3);
    assertEquals(-0.14692, r.get(1).logprob(), 1e-4);
    assertTrue(r.get(1).greedy());
    assertEquals(-6.93044, r.get(2).logprob(), 1e-4);
    assertFalse(r.get(2).greedy());
    String text = model.generateUntil(List.of(new GenerationRequest("Once upon a time",
        GenerationParams.greedy(List.of("\n"))))).get(0);
    assertTrue(text.startsWith(", there was a little girl named Lily. She loved to play outside in the park."
        + " One day, she saw a big, red ball."), text);
    double rolling = model.loglikelihoodRolling(List.of(new RollingRequest(SENTENCE))).get(0).logprob();
    assertEquals(model.scoreTokens(List.of(new org.lmeval.plugin.djl.hf.TokenPair(new int[] {1},
        model.encode(SENTENCE)))).get(0).logprob(), rolling, 1e-5);
  }

  @Test
  void resultsDoNotDependOnTheBatchSize() {
    List<LoglikelihoodRequest> requests = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      requests.add(new LoglikelihoodRequest("Once upon a time, there was a " + "very ".repeat(i % 9) + "little",
          i % 2 == 0 ? " girl." : " dog named Max."));
    }
    List<LoglikelihoodResult> one = open(Map.of("batch_size", 1)).loglikelihood(requests);
    for (Object size : List.of(7, 64)) {
      List<LoglikelihoodResult> other = open(Map.of("batch_size", size)).loglikelihood(requests);
      for (int i = 0; i < one.size(); i++) {
        assertEquals(one.get(i).logprob(), other.get(i).logprob(), 1e-5, "request " + i + ", batch " + size);
        assertEquals(one.get(i).greedy(), other.get(i).greedy());
      }
    }
  }

  @Test
  void badInputGivesClearErrors(@TempDir Path tmp) throws IOException {
    EvalException signature = assertThrows(EvalException.class, () -> open(Map.of("signature", "predict")));
    assertEquals(ErrorCode.INVALID_ARGUMENT, signature.code());
    assertTrue(signature.getMessage().contains("serving_default"), signature.getMessage());

    EvalException cuda = assertThrows(EvalException.class, () -> open(Map.of("device", "cuda")));
    assertEquals(ErrorCode.BACKEND_UNAVAILABLE, cuda.code());
    assertTrue(cuda.getMessage().contains("-Pgpu"), cuda.getMessage());

    for (String file : List.of("config.json", "tokenizer.json", "tokenizer_config.json")) {
      Files.copy(stories().resolve(file), tmp.resolve(file));
    }
    EvalException missing = assertThrows(EvalException.class, () -> open(Map.of("pretrained", tmp.toString())));
    assertEquals(ErrorCode.BACKEND_UNAVAILABLE, missing.code());
    assertTrue(missing.getMessage().contains("saved_model.pb"), missing.getMessage());

    Files.writeString(tmp.resolve("saved_model.pb"), "not a SavedModel");
    EvalException corrupt = assertThrows(EvalException.class, () -> open(Map.of("pretrained", tmp.toString())));
    assertEquals(ErrorCode.BACKEND_UNAVAILABLE, corrupt.code());
    assertTrue(corrupt.getMessage().contains("cannot load the SavedModel"), corrupt.getMessage());
  }
}
