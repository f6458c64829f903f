import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lmeval.api.Options;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.ModelBackend;
import org.lmeval.plugin.http.HttpPlugin;

/**
 * lm-eval-java's local-completions client: requests/s against a running OpenAI-compatible server, the same
 * requests tools/http/lmeval_throughput.py sends with lm-eval's own client (bench/http-lmeval-bench.sh).
 * Usage: {@code ClientThroughput URL N C1 [C2 ...]}; prints {@code num_concurrent=C requests/s} per C after a
 * warm-up.
 */
public class ClientThroughput {
  private static final GenerationParams PARAMS = GenerationParams.greedy(List.of("\n\n"));

  public static void main(String[] args) {
    String url = args[0];
    int n = Integer.parseInt(args[1]);
    for (int w = 0; w < 3; w++) {
      rate(url, 16, Math.min(n, 2000), 10_000_000 + w * n);
    }
    for (int i = 2; i < args.length; i++) {
      int c = Integer.parseInt(args[i]);
      System.out.printf("num_concurrent=%d %.0f%n", c, rate(url, c, n, (i - 2) * n));
      System.out.flush();
    }
  }

  private static double rate(String url, int concurrency, int n, int offset) {
    ModelBackend backend = new HttpPlugin().modelBackends().stream()
        .filter(b -> b.name().equals("local-completions")).findFirst().orElseThrow();
    Map<String, Object> args = new HashMap<>();
    args.put("model", "test-model");
    args.put("base_url", url);
    args.put("tokenizer_backend", "none");
    args.put("num_concurrent", concurrency);
    args.put("max_retries", 1);
    List<GenerationRequest> batch = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      batch.add(new GenerationRequest("prompt number " + (offset + i), PARAMS));
    }
    try (LanguageModel model = backend.open(Options.of("model arg", args))) {
      long t0 = System.nanoTime();
      List<String> out = model.generateUntil(batch);
      long t1 = System.nanoTime();
      if (out.size() != n) {
        throw new IllegalStateException("lost responses");
      }
      return n / ((t1 - t0) / 1e9);
    }
  }
}
