import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
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
import org.lmeval.testkit.FakeLanguageModel;
import org.lmeval.testkit.server.OpenAiCompatibleServer;

/**
 * Benchmarks of the HTTP backends against the loopback test server (run by bench/http-bench.sh):
 * requests/s at num_concurrent 1, 16, 64, 256 against a zero-latency server; achieved in-flight concurrency against
 * a server that takes 50 ms per answer (Little's law: throughput x latency / num_concurrent); client CPU time per
 * 1,000 requests.
 */
public class HttpBench {
  private static final GenerationParams PARAMS = GenerationParams.greedy(List.of("\n\n"));

  public static void main(String[] args) {
    int scale = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    System.out.println("== requests/s against a zero-latency loopback server (local-completions, text prompts)");
    try (OpenAiCompatibleServer server = OpenAiCompatibleServer.builder(new FakeLanguageModel()).threadSafeModel()
        .start()) {
      run(server, 16, 2000);
      double base = 0;
      for (int c : new int[] {1, 16, 64, 256}) {
        int n = (c == 1 ? 2000 : 8000) * scale;
        double rps = run(server, c, n);
        if (c == 1) {
          base = rps;
        }
        System.out.printf("num_concurrent=%-4d %9.0f requests/s   ratio to 1: %5.2fx%n", c, rps, rps / base);
      }
      System.out.println();
      System.out.println("== client CPU time per 1,000 requests (num_concurrent=64, zero latency)");
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      Map<Long, Long> before = clientCpu(mx);
      int n = 10000 * scale;
      run(server, 64, n);
      Map<Long, Long> after = clientCpu(mx);
      long cpu = 0;
      for (Map.Entry<Long, Long> e : after.entrySet()) {
        cpu += e.getValue() - before.getOrDefault(e.getKey(), 0L);
      }
      System.out.printf("%.1f ms CPU per 1,000 requests (client threads only; server threads excluded)%n",
          cpu / 1e6 / (n / 1000.0));
    }
    System.out.println();
    System.out.println("== achieved in-flight concurrency against a server with 50 ms latency (goal >= 95%)");
    try (OpenAiCompatibleServer server = OpenAiCompatibleServer.builder(new FakeLanguageModel()).threadSafeModel()
        .latency(Duration.ofMillis(50)).start()) {
      for (int c : new int[] {16, 64, 256, 1024}) {
        int n = c * 20 * scale;
        double rps = run(server, c, n);
        double achieved = rps * 0.050;
        System.out.printf("num_concurrent=%-5d %8.0f requests/s   in flight %7.1f = %5.1f%% of num_concurrent"
            + "   (server saw at most %d at once)%n", c, rps, achieved, 100 * achieved / c, server.maxInFlight());
      }
    }
  }

  /** Sends n generation requests in one batch; returns requests/s. */
  private static double run(OpenAiCompatibleServer server, int concurrency, int n) {
    ModelBackend backend = new HttpPlugin(Map.of()).modelBackends().stream()
        .filter(b -> b.name().equals("local-completions")).findFirst().orElseThrow();
    Map<String, Object> args = new HashMap<>();
    args.put("model", "test-model");
    args.put("base_url", server.completionsUrl());
    args.put("tokenizer_backend", "none");
    args.put("num_concurrent", concurrency);
    List<GenerationRequest> batch = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      batch.add(new GenerationRequest("prompt number " + i, PARAMS));
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

  private static Map<Long, Long> clientCpu(ThreadMXBean mx) {
    Map<Long, Long> cpu = new HashMap<>();
    for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (info != null && !info.getThreadName().startsWith("openai-server")) {
        long t = mx.getThreadCpuTime(info.getThreadId());
        if (t > 0) {
          cpu.put(info.getThreadId(), t);
        }
      }
    }
    return cpu;
  }
}
