package org.lmeval.plugin.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lmeval.api.Options;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.plugin.djl.hf.HfLanguageModel;
import org.lmeval.plugin.djl.hf.KvCacheSession;

/**
 * Generation with the key/value cache (stories260K onnx-hf-past) gives exactly the texts of full
 * recomputation ({@code use_cache=false}, and the export without a cache), at every batch size, with rows that
 * stop at different steps; the session's logits match full passes, with or without cutting finished rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KvCacheGenerationTest {
  private final List<LanguageModel> opened = new ArrayList<>();

  private HfLanguageModel open(String format, Map<String, Object> extra) {
    Map<String, Object> args = new HashMap<>(extra);
    args.put("pretrained", SharedModels.stories(format).toString());
    HfLanguageModel m = (HfLanguageModel) new DjlModelBackend().open(Options.of("model arg", args));
    opened.add(m);
    return m;
  }

  @AfterAll
  void closeAll() {
    opened.forEach(LanguageModel::close);
  }

  private static String status(HfLanguageModel m) {
    return ((DjlCausalLm) m.causalLm()).kvCacheStatus();
  }

  @Test
  void usesTheCacheOnlyWhenTheGraphHasOneAndItIsOn() {
    assertTrue(status(open("onnx-hf-past", Map.of())).startsWith("on (10 cache tensors)"));
    assertTrue(status(open("onnx-hf-past", Map.of("use_cache", false))).startsWith("off"));
    assertTrue(status(open("onnx-hf", Map.of())).startsWith("none"));
    assertTrue(open("onnx-hf", Map.of()).causalLm().newKvCacheSession().isEmpty());
  }

  private static GenerationParams params(List<String> until, int maxGenToks, Map<String, Object> extra) {
    return new GenerationParams(until, OptionalInt.of(maxGenToks), false, OptionalDouble.empty(), extra);
  }

  static List<GenerationRequest> requests() {
    List<GenerationRequest> r = new ArrayList<>();
    String[] contexts = {"Once upon a time", "Lily and Tom", "The cat", "One day, Lily went to the park with her mom.",
        "Tom had a red ball. He threw it high in the sky and it fell down. Tom was sad.", "She", "A big dog",
        "Once upon a time, there was a little girl named Lily. She loved to play outside."};
    for (String c : contexts) {
      r.add(new GenerationRequest(c, params(List.of("."), 64, Map.of())));
      r.add(new GenerationRequest(c, params(List.of("\n"), 40, Map.of())));
      r.add(new GenerationRequest(c, params(List.of(","), 7, Map.of())));
      r.add(new GenerationRequest(c, params(List.of(), 1, Map.of())));
    }
    r.add(new GenerationRequest("Once upon a time", params(List.of("\n"), 100, Map.of("max_length", 30))));
    r.add(new GenerationRequest("The dog", params(List.of(" She", " he"), 60, Map.of())));
    return r;
  }

  @Test
  void cachedGenerationsEqualFullRecomputationAtEveryBatchSize() {
    List<GenerationRequest> requests = requests();
    List<String> recomputed = open("onnx-hf", Map.of("batch_size", 1)).generateUntil(requests);
    assertEquals(recomputed, open("onnx-hf-past", Map.of("batch_size", 1, "use_cache", false))
        .generateUntil(requests), "the cache export without its cache");
    for (int size : new int[] {1, 7, 64}) {
      assertEquals(recomputed, open("onnx-hf-past", Map.of("batch_size", size)).generateUntil(requests),
          "with the cache at batch size " + size);
    }
    assertTrue(recomputed.stream().distinct().count() > 20, "varied generations: " + recomputed);
  }

  @Test
  void sampledGenerationsEqualFullRecomputation() {
    GenerationParams sampled = new GenerationParams(List.of("."), OptionalInt.of(24), true, OptionalDouble.of(1.0),
        Map.of("top_k", 0));
    List<GenerationRequest> requests = List.of(new GenerationRequest("Once upon a time", sampled),
        new GenerationRequest("Once upon a time", sampled), new GenerationRequest("The dog", sampled),
        new GenerationRequest("Lily and Tom went", sampled));
    assertEquals(open("onnx-hf-past", Map.of("batch_size", 1, "use_cache", false)).generateUntil(requests),
        open("onnx-hf-past", Map.of("batch_size", 4)).generateUntil(requests));
  }

  @Test
  void sessionLogitsMatchFullPassesWhenRowsLeave() {
    HfLanguageModel model = open("onnx-hf-past", Map.of());
    DjlCausalLm lm = (DjlCausalLm) model.causalLm();
    List<int[]> rows = new ArrayList<>(List.of(new int[] {1, 403, 407}, new int[] {1, 403, 407, 261, 378, 432},
        new int[] {1, 378}));
    for (boolean cut : new boolean[] {true, false}) {
      List<int[]> grown = new ArrayList<>(rows);
      try (KvCacheSession session = lm.newKvCacheSession(cut).orElseThrow()) {
        int[] next = session.prefill(grown, logits -> new int[] {logits.argmax(0, 2), logits.argmax(1, 5),
            logits.argmax(2, 1)});
        List<Integer> live = new ArrayList<>(List.of(0, 1, 2));
        for (int step = 0; step < 6; step++) {
          for (int k = 0; k < live.size(); k++) {
            grown.set(live.get(k), append(grown.get(live.get(k)), next[k]));
          }
          if (step == 2) { // row 1 leaves
            session.keepRows(new int[] {0, 2});
            live.remove(1);
            next = new int[] {next[0], next[2]};
          }
          List<int[]> now = live.stream().map(grown::get).toList();
          float[][] cached = session.step(next, logits -> {
            float[][] out = new float[now.size()][];
            for (int k = 0; k < out.length; k++) {
              out[k] = logits.row(k, 0);
            }
            return out;
          });
          float[][] full = lm.forward(now, logits -> {
            float[][] out = new float[now.size()][];
            for (int k = 0; k < out.length; k++) {
              out[k] = logits.row(k, now.get(k).length - 1);
            }
            return out;
          });
          next = new int[now.size()];
          for (int k = 0; k < now.size(); k++) {
            for (int v = 0; v < full[k].length; v++) {
              assertEquals(full[k][v], cached[k][v], 1e-4, "cut=" + cut + " step " + step + " row " + live.get(k));
            }
            next[k] = argmax(full[k]);
          }
        }
      }
    }
  }

  private static int[] append(int[] row, int token) {
    int[] out = java.util.Arrays.copyOf(row, row.length + 1);
    out[row.length] = token;
    return out;
  }

  private static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}
