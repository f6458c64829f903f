import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.lmeval.api.Options;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.ModelBackend;
import org.lmeval.plugin.http.HttpPlugin;

/**
 * Benchmarks of the HTTP backends against the loopback test server, run in a second JVM (bench/http-bench.sh):
 * requests/s at num_concurrent 1, 16, 64, 256 against a zero-latency server; achieved in-flight concurrency against
 * a server that takes 50 ms per answer (the client's time-weighted mean of requests in flight over the steady
 * phase, as a share of num_concurrent); client CPU time per 1,000 requests.
 */
public class HttpBench {
  private static final GenerationParams PARAMS = GenerationParams.greedy(List.of("\n\n"));

  public static void main(String[] args) throws Exception {
    int scale = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    if (!(args.length > 1 && args[1].equals("latency"))) {
      throughput(scale);
    }
    latency(scale);
  }

  private static void throughput(int scale) throws Exception {
    System.out.println("== requests/s against a zero-latency loopback server (local-completions, text prompts)");
    try (BenchServer server = BenchServer.start(0)) {
      run(server.url, 16, 2000);
      double base = 0;
      for (int c : new int[] {1, 16, 64, 256}) {
        int n = (c == 1 ? 2000 : 8000) * scale;
        double rps = run(server.url, c, n);
        if (c == 1) {
          base = rps;
        }
        System.out.printf("num_concurrent=%-4d %9.0f requests/s   ratio to 1: %5.2fx%n", c, rps, rps / base);
      }
      System.out.println();
      System.out.println("== client CPU time per 1,000 requests (num_concurrent=64, zero latency)");
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      int n = 10000 * scale;
      Map<Long, Long> before;
      Map<Long, Long> after;
      try (LanguageModel model = open(server.url, 64)) {
        model.generateUntil(requests(0, 1000)); // threads and connections up
        before = clientCpu(mx);
        model.generateUntil(requests(1000, 1000 + n));
        after = clientCpu(mx); // before close: the pool's threads end with it, and their time with them
      }
      long cpu = 0;
      for (Map.Entry<Long, Long> e : after.entrySet()) {
        cpu += e.getValue() - before.getOrDefault(e.getKey(), 0L);
      }
      System.out.printf("%.1f ms CPU per 1,000 requests (client JVM; the server runs in its own process)%n",
          cpu / 1e6 / (n / 1000.0));
    }
    System.out.println();
  }

  private static void latency(int scale) throws Exception {
    System.out.println("== achieved in-flight concurrency against a server with 50 ms latency (goal >= 95%)");
    System.out.println("   time-weighted mean of requests in flight on the client, steady phase only (ramp-up and");
    System.out.println("   the last round's tail excluded), requests fed in batches of preferredBatchSize() as the");
    System.out.println("   kernel does; Little's law over the whole run for comparison");
    try (BenchServer server = BenchServer.start(LATENCY_MS)) {
      for (int c : new int[] {16, 64, 256, 1024}) {
        steady(server.url, c, 64 * scale);
      }
    }
  }

  private static final long LATENCY_MS = 50;

  /** Sends n generation requests in one batch; returns requests/s. */
  private static double run(String url, int concurrency, int n) {
    try (LanguageModel model = open(url, concurrency)) {
      long t0 = System.nanoTime();
      List<String> out = model.generateUntil(requests(0, n));
      long t1 = System.nanoTime();
      if (out.size() != n) {
        throw new IllegalStateException("lost responses");
      }
      return n / ((t1 - t0) / 1e9);
    }
  }

  /**
   * Sends {@code rounds x concurrency} requests in batches of the model's preferredBatchSize(), sampling the pool's
   * integral of requests in flight every 5 ms; prints the mean over the steady phase as a share of num_concurrent.
   */
  private static void steady(String url, int concurrency, int rounds) throws Exception {
    try (LanguageModel model = open(url, concurrency)) {
      Method stats = statsMethod(model);
      int n = rounds * concurrency;
      int batchSize = model.preferredBatchSize();
      List<long[]> samples = new ArrayList<>(); // {nanoTime, inFlightNanos}
      ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
      sampler.scheduleAtFixedRate(() -> {
        long[] s = sample(model, stats);
        synchronized (samples) {
          samples.add(s);
        }
      }, 0, 5, TimeUnit.MILLISECONDS);
      long t0 = System.nanoTime();
      for (int from = 0; from < n; from += batchSize) {
        int to = Math.min(n, from + batchSize);
        List<GenerationRequest> batch = requests(from, to);
        List<String> out = model.generateUntil(batch);
        if (out.size() != batch.size()) {
          throw new IllegalStateException("lost responses");
        }
      }
      long t1 = System.nanoTime();
      sampler.shutdown();
      sampler.awaitTermination(1, TimeUnit.SECONDS);
      long latency = TimeUnit.MILLISECONDS.toNanos(LATENCY_MS);
      long from = t0 + Math.max(10 * latency, (t1 - t0) / 8); // ramp-up: connections opened, first rounds
      long to = t1 - 2 * latency; // the last round's tail
      long[] first = null;
      long[] last = null;
      synchronized (samples) {
        for (long[] s : samples) {
          if (s[0] >= from && first == null) {
            first = s;
          }
          if (s[0] <= to) {
            last = s;
          }
        }
      }
      if (System.getenv("HTTP_BENCH_TRACE") != null) {
        synchronized (samples) {
          for (int i = 20; i < samples.size(); i += 20) {
            long[] a = samples.get(i - 20);
            long[] b = samples.get(i);
            System.out.printf("  t=%5.2f s  in flight %7.1f  queued %6d%n", (b[0] - t0) / 1e9,
                (double) (b[1] - a[1]) / (b[0] - a[0]), b[2]);
          }
        }
      }
      double steady = (double) (last[1] - first[1]) / (last[0] - first[0]);
      Object st = stats.invoke(model);
      long retried = (long) st.getClass().getMethod("retries").invoke(st);
      double little = n / ((t1 - t0) / 1e9) * LATENCY_MS / 1000.0;
      System.out.printf("num_concurrent=%-5d steady in flight %7.1f = %5.1f%%   whole run (Little) %5.1f%%   "
          + "%d requests in batches of %d, %.1f s, %d retried%n", concurrency, steady, 100 * steady / concurrency,
          100 * little / concurrency, n, batchSize, (t1 - t0) / 1e9, retried);
    }
  }

  private static Method statsMethod(LanguageModel model) throws NoSuchMethodException {
    for (Class<?> c = model.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Method m = c.getDeclaredMethod("stats");
        m.setAccessible(true);
        return m;
      } catch (NoSuchMethodException e) {
        // look further up
      }
    }
    throw new NoSuchMethodException("stats() on " + model.getClass());
  }

  private static long[] sample(LanguageModel model, Method stats) {
    try {
      long now = System.nanoTime();
      Object s = stats.invoke(model);
      long integral = (long) s.getClass().getMethod("inFlightNanos").invoke(s);
      int queued = (int) s.getClass().getMethod("queued").invoke(s);
      return new long[] {now, integral, queued};
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static LanguageModel open(String url, int concurrency) {
    ModelBackend backend = new HttpPlugin().modelBackends().stream()
        .filter(b -> b.name().equals("local-completions")).findFirst().orElseThrow();
    Map<String, Object> args = new HashMap<>();
    args.put("model", "test-model");
    args.put("base_url", url);
    args.put("tokenizer_backend", "none");
    args.put("num_concurrent", concurrency);
    return backend.open(Options.of("model arg", args));
  }

  private static List<GenerationRequest> requests(int from, int to) {
    List<GenerationRequest> batch = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      batch.add(new GenerationRequest("prompt number " + i, PARAMS));
    }
    return batch;
  }

  /** bench/http/HttpBenchServer.java in a second JVM on the same class path. */
  private record BenchServer(Process process, String url) implements AutoCloseable {
    static BenchServer start(long latencyMs) throws IOException {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      Path source = Path.of(System.getProperty("lmeval.bench.dir", "bench/http"), "HttpBenchServer.java");
      Process p = new ProcessBuilder(java.toString(), "-Xss512k", "-Djava.util.logging.config.file=/dev/null",
          "-cp", System.getProperty("java.class.path"), source.toString(), Long.toString(latencyMs))
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String url = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
      if (url == null) {
        p.destroy();
        throw new IOException("the bench server did not start");
      }
      return new BenchServer(p, url);
    }

    @Override
    public void close() throws IOException {
      process.getOutputStream().close();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroy();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroy();
      }
    }
  }

  private static Map<Long, Long> clientCpu(ThreadMXBean mx) {
    Map<Long, Long> cpu = new HashMap<>();
    for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (info != null) {
        long t = mx.getThreadCpuTime(info.getThreadId());
        if (t > 0) {
          cpu.put(info.getThreadId(), t);
        }
      }
    }
    return cpu;
  }
}
