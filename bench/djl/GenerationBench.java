import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.lmeval.api.Options;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.plugin.djl.DjlModelBackend;
import org.lmeval.plugin.djl.hf.HfLanguageModel;

/**
 * Tokens per second of greedy generate_until through the djl backend, with the graph's key/value cache or
 * without it ({@code use_cache=false}: every step re-runs the whole rows). The requests have no stop strings,
 * so rows run to max_gen_toks unless the model emits EOS; generated tokens are counted by re-encoding each
 * output (without BOS). Wall time and the process's CPU time (all threads, the engine's included) are both
 * reported: on a loaded machine the CPU figure is the steadier one.
 *
 * <p>Usage: GenerationBench MODEL_DIR BATCH_SIZE MAX_GEN_TOKS USE_CACHE REQUESTS
 */
public final class GenerationBench {
  private static final String[] OPENINGS = {"Once upon a time", "Lily and Tom", "The cat sat", "One day, a boy",
      "There was a big dog", "Sam had a red ball", "The sun was hot", "Mom said", "A little bird", "Tim and Sue",
      "In the park", "The old man", "Anna liked to", "The car was", "A small fish", "Ben wanted a"};

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int batch = Integer.parseInt(args[1]);
    int maxGenToks = Integer.parseInt(args[2]);
    boolean useCache = Boolean.parseBoolean(args[3]);
    int count = Integer.parseInt(args[4]);
    List<GenerationRequest> requests = new ArrayList<>();
    GenerationParams params = new GenerationParams(List.of(), OptionalInt.of(maxGenToks), false,
        OptionalDouble.empty(), Map.of());
    for (int i = 0; i < count; i++) {
      String opening = OPENINGS[i % OPENINGS.length] + (i < OPENINGS.length ? "" : " " + (i / OPENINGS.length));
      requests.add(new GenerationRequest(opening, params));
    }
    try (HfLanguageModel lm = (HfLanguageModel) new DjlModelBackend().open(Options.of("model arg",
        Map.of("pretrained", dir.toString(), "engine", "OnnxRuntime", "batch_size", batch, "use_cache", useCache)))) {
      lm.generateUntil(requests.subList(0, Math.min(batch, count))); // warm-up; then the best of three runs
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      double best = Double.MAX_VALUE;
      double bestCpu = Double.MAX_VALUE;
      List<String> out = null;
      for (int rep = 0; rep < 3; rep++) {
        long t0 = System.nanoTime();
        long c0 = os.getProcessCpuTime();
        out = lm.generateUntil(requests);
        best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        bestCpu = Math.min(bestCpu, (os.getProcessCpuTime() - c0) / 1e9);
      }
      long tokens = 0;
      for (String text : out) {
        tokens += Math.max(0, lm.encode(text).length - 1);
      }
      System.out.printf("%s batch=%d max_gen_toks=%d use_cache=%s requests=%d: %d tokens in %.3f s = %.0f tokens/s"
          + " wall, %.0f tokens per CPU second (process, all threads) (text hash %08x)%n", dir.getFileName(), batch,
          maxGenToks, useCache, count, tokens, best, tokens / best, tokens / bestCpu, out.hashCode());
    }
  }
}
