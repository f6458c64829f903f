package org.lmeval.plugin.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import org.lmeval.plugin.djl.hf.TokenPair;

/**
 * stories260K through one engine and format, checked against the reference values of
 * shared/models/README.md (computed with transformers on the hf/ folder) through the LanguageModel API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoriesReferenceTest {
  static final String SENTENCE = "Once upon a time, there was a little girl named Lily.";
  static final String CONTEXT = "Once upon a time, there was a little girl named";
  static final String GENERATION = ", there was a little girl named Lily. She loved to play outside in the park."
      + " One day, she saw a big, red ball.";

  private final List<LanguageModel> opened = new ArrayList<>();
  private HfLanguageModel model;

  /** The shared folder name: onnx, onnx-hf, torchscript. */
  abstract String format();

  /** The engine model arg. */
  abstract String engine();

  HfLanguageModel open(Map<String, Object> extra) {
    Map<String, Object> args = new HashMap<>(extra);
    args.put("pretrained", SharedModels.stories(format()).toString());
    args.put("engine", engine());
    Options options = Options.of("model arg", args);
    HfLanguageModel m = (HfLanguageModel) new DjlModelBackend().open(options);
    opened.add(m);
    assertEquals(java.util.Set.of(), options.unreadKeys(), "every model arg is read in open()");
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
  void tokenizesTheSentenceWithBos() {
    assertArrayEquals(new int[] {1, 403, 407, 261, 378, 432, 383, 286, 261, 376, 298, 315, 421, 395, 317, 426},
        model.encode(SENTENCE));
    assertEquals(512, model.maxLength());
  }

  @Test
  void addBosTokenFalseDropsTheBos() {
    HfLanguageModel noBos = open(Map.of("add_bos_token", false));
    assertArrayEquals(new int[] {403, 407, 261, 378, 432, 383, 286, 261, 376, 298, 315, 421, 395, 317, 426},
        noBos.encode(SENTENCE));
    // an empty context conditions on the prefix token either way
    assertEquals(model.loglikelihood(List.of(new LoglikelihoodRequest("", SENTENCE))).get(0).logprob(),
        noBos.loglikelihood(List.of(new LoglikelihoodRequest("", SENTENCE))).get(0).logprob(), 1e-6);
    // a string that starts with the prefix token's text is encoded without special tokens
    assertArrayEquals(new int[] {1, 403}, model.encode("<s>Once"));
  }

  @Test
  void tokenizerPipelineFileKeepsTokenizerJsonsOwnNormalizer() {
    // transformers 5 (default) tokenises " Lily" as one token; the file's Prepend normalizer gives two
    HfLanguageModel file = open(Map.of("tokenizer_pipeline", "file"));
    assertArrayEquals(new int[] {1, 317}, model.encode(" Lily"));
    assertArrayEquals(new int[] {1, 410, 317}, file.encode(" Lily"));
    assertArrayEquals(model.encode(SENTENCE), file.encode(SENTENCE));
  }

  @Test
  void reproducesTheReferenceLogprobs() {
    List<LoglikelihoodResult> r = model.loglikelihood(List.of(
        new LoglikelihoodRequest("", SENTENCE),
        new LoglikelihoodRequest(CONTEXT, " Lily."),
        new LoglikelihoodRequest(CONTEXT, " Tom."),
        new LoglikelihoodRequest(CONTEXT + " ", "Lily.")));
    assertEquals(-1.5021, r.get(0).logprob(), 1e-3);
    assertEquals(-0.14692, r.get(1).logprob(), 1e-4);
    assertTrue(r.get(1).greedy());
    assertEquals(-6.93044, r.get(2).logprob(), 1e-4);
    assertFalse(r.get(2).greedy());
    // the context's trailing space moves to the continuation: same request as " Lily."
    assertEquals(r.get(1).logprob(), r.get(3).logprob(), 1e-9);
    assertEquals(r.get(1).greedy(), r.get(3).greedy());
  }

  @Test
  void generatesTheReferenceTextGreedily() {
    List<String> out = model.generateUntil(List.of(
        new GenerationRequest("Once upon a time", GenerationParams.greedy(List.of("\n"))),
        new GenerationRequest("Once upon a time", GenerationParams.greedy(List.of(" She"))),
        new GenerationRequest("Once upon a time", new GenerationParams(List.of(), OptionalInt.of(3), false,
            OptionalDouble.empty(), Map.of()))));
    assertTrue(out.get(0).startsWith(GENERATION), out.get(0));
    assertEquals(", there was a little girl named Lily.", out.get(1), "cut at the first stop string");
    assertEquals(", there was", out.get(2), "max_gen_toks=3 gives three tokens");
  }

  @Test
  void thinkEndTokenKeepsWhatFollowsItsLastOccurrence() {
    List<GenerationRequest> request = List.of(new GenerationRequest("Once upon a time",
        new GenerationParams(List.of("\n"), OptionalInt.of(30), false, OptionalDouble.empty(), Map.of())));
    String plain = model.generateUntil(request).get(0);
    assertTrue(plain.startsWith(", there was a little girl named Lily. She"), plain);
    String afterText = open(Map.of("think_end_token", "Lily.")).generateUntil(request).get(0);
    assertEquals(plain.substring(plain.lastIndexOf("Lily.") + 5).stripLeading(), afterText);
    // id 317 is " Lily": the tokens after it decode to ". She ...", then lstrip
    String afterId = open(Map.of("think_end_token", "317")).generateUntil(request).get(0);
    assertEquals(plain.substring(plain.lastIndexOf(" Lily") + 5), afterId);
  }

  @Test
  void rollingLoglikelihoodPredictsEveryTokenOnce() {
    // T = encode(text) starts with BOS; one window: the prefix token predicts all of T, BOS included.
    int[] t = model.encode(SENTENCE);
    double rolling = model.loglikelihoodRolling(List.of(new RollingRequest(SENTENCE))).get(0).logprob();
    double oneWindow = model.scoreTokens(List.of(new TokenPair(new int[] {1}, t))).get(0).logprob();
    assertEquals(oneWindow, rolling, 1e-5);
    double sentence = model.loglikelihood(List.of(new LoglikelihoodRequest("", SENTENCE))).get(0).logprob();
    assertTrue(rolling < sentence, "the rolling total also predicts the BOS token");

    // max_length 5: 16 tokens in four disjoint windows (lm-eval's get_rolling_token_windows, context_len 1).
    HfLanguageModel small = open(Map.of("max_length", 5));
    double windowed = small.loglikelihoodRolling(List.of(new RollingRequest(SENTENCE))).get(0).logprob();
    List<LoglikelihoodResult> byHand = small.scoreTokens(List.of(
        new TokenPair(new int[] {1}, java.util.Arrays.copyOfRange(t, 0, 5)),
        new TokenPair(new int[] {t[4]}, java.util.Arrays.copyOfRange(t, 5, 10)),
        new TokenPair(new int[] {t[9]}, java.util.Arrays.copyOfRange(t, 10, 15)),
        new TokenPair(java.util.Arrays.copyOfRange(t, 10, 15), new int[] {t[15]})));
    assertEquals(byHand.stream().mapToDouble(LoglikelihoodResult::logprob).sum(), windowed, 1e-5);
    assertNotEquals(rolling, windowed, 1e-3);

    List<org.lmeval.api.model.RollingResult> two = model.loglikelihoodRolling(List.of(
        new RollingRequest(SENTENCE), new RollingRequest("The dog ran.")));
    assertEquals(rolling, two.get(0).logprob(), 1e-5);
    assertTrue(two.get(1).logprob() < 0);
  }

  @Test
  void resultsDoNotDependOnTheBatchSize() {
    List<LoglikelihoodRequest> requests = mixedRequests();
    List<LoglikelihoodResult> one = open(Map.of("batch_size", 1)).loglikelihood(requests);
    for (Object size : List.of(7, 64, "auto", "auto:3")) {
      List<LoglikelihoodResult> other = open(Map.of("batch_size", size)).loglikelihood(requests);
      assertEquals(one.size(), other.size());
      for (int i = 0; i < one.size(); i++) {
        assertEquals(one.get(i).logprob(), other.get(i).logprob(), 1e-5, "request " + i + " at batch size " + size);
        assertEquals(one.get(i).greedy(), other.get(i).greedy(), "request " + i + " at batch size " + size);
      }
    }
    List<GenerationRequest> gen = List.of(
        new GenerationRequest("Once upon a time", GenerationParams.greedy(List.of("."))),
        new GenerationRequest("Lily and Tom", GenerationParams.greedy(List.of("."))),
        new GenerationRequest("The cat", GenerationParams.greedy(List.of("\n"))));
    assertEquals(open(Map.of("batch_size", 1)).generateUntil(gen), open(Map.of("batch_size", 64)).generateUntil(gen));
  }

  @Test
  void samplesReproduciblyAndDifferentlyPerRepeat() {
    GenerationParams sampled = new GenerationParams(List.of("."), OptionalInt.of(12), true, OptionalDouble.of(1.0),
        Map.of("top_k", 0));
    List<GenerationRequest> repeats = List.of(
        new GenerationRequest("Once upon a time", sampled), new GenerationRequest("Once upon a time", sampled),
        new GenerationRequest("Once upon a time", sampled), new GenerationRequest("Once upon a time", sampled),
        new GenerationRequest("The dog", sampled));
    List<String> first = open(Map.of("batch_size", 1)).generateUntil(repeats);
    List<String> again = open(Map.of("batch_size", 64)).generateUntil(repeats);
    assertEquals(first, again, "same seed: same samples, whatever the batch size");
    assertTrue(new java.util.HashSet<>(first.subList(0, 4)).size() > 1, "repeats draw different samples: " + first);
    List<String> otherSeed = open(Map.of("seed", 7)).generateUntil(repeats);
    assertNotEquals(first, otherSeed);
    GenerationParams nearlyGreedy = new GenerationParams(List.of("\n"), OptionalInt.of(20), true,
        OptionalDouble.of(1.0), Map.of("top_k", 1));
    assertEquals(model.generateUntil(List.of(new GenerationRequest("Once upon a time",
            new GenerationParams(List.of("\n"), OptionalInt.of(20), false, OptionalDouble.empty(), Map.of())))),
        model.generateUntil(List.of(new GenerationRequest("Once upon a time", nearlyGreedy))), "top_k=1 is greedy");
  }

  @Test
  void resultsComeBackInRequestOrder() {
    List<LoglikelihoodRequest> requests = mixedRequests();
    List<LoglikelihoodResult> all = model.loglikelihood(requests);
    for (int i = 0; i < requests.size(); i++) {
      LoglikelihoodResult alone = model.loglikelihood(List.of(requests.get(i))).get(0);
      assertEquals(alone.logprob(), all.get(i).logprob(), 1e-5, "request " + i);
      assertTrue(all.get(i).logprob() <= 0 && Double.isFinite(all.get(i).logprob()));
    }
  }

  @Test
  void leftTruncatesPromptsLongerThanMaxLength() {
    String longContext = (SENTENCE + " ").repeat(40) + "She";
    HfLanguageModel small = open(Map.of("max_length", 24));
    LoglikelihoodResult full = model.loglikelihood(List.of(new LoglikelihoodRequest(longContext, " was"))).get(0);
    LoglikelihoodResult cut = small.loglikelihood(List.of(new LoglikelihoodRequest(longContext, " was"))).get(0);
    assertTrue(Double.isFinite(full.logprob()) && full.logprob() <= 0);
    assertTrue(Double.isFinite(cut.logprob()) && cut.logprob() <= 0);
    // Over 512 tokens for the model's own max_length: also left-truncated, not a native error.
    assertTrue(model.encode(longContext).length > 512);

    EvalException tooLong = assertThrows(EvalException.class, () -> small.loglikelihood(List.of(
        new LoglikelihoodRequest("Once", " " + SENTENCE.repeat(3)))));
    assertEquals(ErrorCode.INVALID_ARGUMENT, tooLong.code());
    assertTrue(tooLong.getMessage().contains("max_length 24"), tooLong.getMessage());

    EvalException noRoom = assertThrows(EvalException.class, () -> small.generateUntil(List.of(
        new GenerationRequest("Once", GenerationParams.greedy(List.of("\n"))))));
    assertTrue(noRoom.getMessage().contains("(256)") && noRoom.getMessage().contains("(24)"), noRoom.getMessage());
    List<String> gen = open(Map.of("max_length", 24, "max_gen_toks", 8)).generateUntil(List.of(
        new GenerationRequest(longContext, GenerationParams.greedy(List.of("\n")))));
    assertFalse(gen.get(0).isEmpty());
  }

  static List<LoglikelihoodRequest> mixedRequests() {
    List<LoglikelihoodRequest> r = new ArrayList<>();
    r.add(new LoglikelihoodRequest(CONTEXT, " Lily."));
    r.add(new LoglikelihoodRequest(CONTEXT, " Tom."));
    r.add(new LoglikelihoodRequest(CONTEXT, " Lily"));
    r.add(new LoglikelihoodRequest("", "The dog ran."));
    r.add(new LoglikelihoodRequest("Once upon a time", ", there was a big dog."));
    r.add(new LoglikelihoodRequest("She", " smiled."));
    r.add(new LoglikelihoodRequest("One day, Lily went to the park with her mom. ", "She saw a bird."));
    r.add(new LoglikelihoodRequest("Tom had a red ball.", " He threw it high in the sky and it fell down."));
    r.add(new LoglikelihoodRequest(CONTEXT, " Lily."));
    r.add(new LoglikelihoodRequest("A", " b"));
    for (int i = 0; i < 12; i++) {
      r.add(new LoglikelihoodRequest("Once upon a time, there was a " + "very ".repeat(i) + "little", " girl."));
    }
    return r;
  }
}
