package org.lmeval.plugin.h2cache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lmeval.api.cache.ResponseCache;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;
import org.lmeval.platform.Kernel;
import org.lmeval.platform.KernelConfig;
import org.lmeval.platform.cache.CachingLanguageModel;
import org.lmeval.platform.cache.ModelFingerprint;
import org.lmeval.platform.cache.ResponseCaches;
import org.lmeval.platform.eval.Instance;
import org.lmeval.platform.eval.ModelRunner;
import org.lmeval.platform.progress.Progress;

/**
 * The response cache on a 100,000-request evaluation (bench/cache.sh): the write-through overhead on an uncached
 * run, and a cached rerun that must make no model call. Arguments: WORK_DIR [REQUESTS] [BATCH_SIZE].
 * Prints one line per measurement; exits 1 if the cached rerun called the model.
 */
public final class CacheBench {
  private CacheBench() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 32;
    Files.createDirectories(work);
    String location = work.resolve("bench-cache").toString();
    Files.deleteIfExists(work.resolve("bench-cache.mv.db"));
    List<Instance> instances = instances(n);
    ModelFingerprint fp = new ModelFingerprint("bench", Map.of("pretrained", "instant"), "");
    Kernel kernel = Kernel.start(KernelConfig.of(new H2CachePlugin()));

    // warm-up of the JIT on a separate cache, so the three timed runs compare like with like
    Path warm = work.resolve("warmup");
    Files.deleteIfExists(work.resolve("warmup.mv.db"));
    try (ResponseCache cache = ResponseCaches.open(kernel.registry(), warm.toString())) {
      List<Instance> few = instances.subList(0, Math.min(n, 20_000));
      run(CachingLanguageModel.of(new InstantModel(), cache, fp, few), few, batch);
      run(CachingLanguageModel.of(new InstantModel(), cache, fp, few), few, batch);
      run(new InstantModel(), few, batch);
    }

    InstantModel plain = new InstantModel();
    long t0 = System.nanoTime();
    run(plain, instances, batch);
    double uncached = seconds(t0);

    InstantModel first = new InstantModel();
    double written;
    long sentFirst;
    try (ResponseCache cache = ResponseCaches.open(kernel.registry(), location)) {
      CachingLanguageModel caching = CachingLanguageModel.of(first, cache, fp, instances);
      long t1 = System.nanoTime();
      run(caching, instances, batch);
      written = seconds(t1);
      sentFirst = caching.sent();
    }

    InstantModel second = new InstantModel();
    double cached;
    long hits;
    long t2 = System.nanoTime();
    try (ResponseCache cache = ResponseCaches.open(kernel.registry(), location)) {
      CachingLanguageModel caching = CachingLanguageModel.of(second, cache, fp, instances);
      run(caching, instances, batch);
      hits = caching.hits();
    }
    cached = seconds(t2);

    int batches = (n + batch - 1) / batch;
    double writeMicros = (written - uncached) * 1e6 / n;
    System.out.printf(Locale.ROOT, "requests %d (80%% loglikelihood, 10%% rolling, 10%% generate_until), batch size %d"
        + ", %d batches%n", n, batch, batches);
    System.out.printf(Locale.ROOT, "uncached run, no cache:           %7.2f s  (instant fake model)%n", uncached);
    System.out.printf(Locale.ROOT, "uncached run, write-through cache: %7.2f s  (%d requests sent, %d commits); "
        + "cache cost %.1f us/request%n", written, sentFirst, batches, writeMicros);
    System.out.printf(Locale.ROOT, "write overhead ratio, instant model:      %6.1fx%n", written / uncached);
    for (double modelMs : new double[] {10, 100, 1000}) {
      double model = batches * modelMs / 1000;
      System.out.printf(Locale.ROOT, "write overhead ratio, model at %4.0f ms/batch: %.3f%n", modelMs,
          (model + written) / (model + uncached));
    }
    System.out.printf(Locale.ROOT, "cached rerun: %7.2f s wall (open included), %,.0f lookups/s, %d hits, "
        + "%d model calls%n", cached, n / cached, hits, second.calls);
    System.out.printf(Locale.ROOT, "cache file: %.1f MB%n", Files.size(work.resolve("bench-cache.mv.db")) / 1e6);
    if (second.calls != 0 || hits != n) {
      System.out.println("FAIL: the cached rerun called the model " + second.calls + " times");
      System.exit(1);
    }
  }

  /** An evaluation of {@code n} requests shaped like a multiple-choice-heavy suite. */
  static List<Instance> instances(int n) {
    List<Instance> all = new ArrayList<>(n);
    int mc = n * 8 / 10 / 4;
    for (int d = 0; d < mc; d++) {
      Map<String, Object> doc = Map.of("id", d);
      String context = "The following is question number " + d + " of a benchmark. Which option is right?\nAnswer:";
      for (int c = 0; c < 4; c++) {
        LoglikelihoodRequest r = new LoglikelihoodRequest(context, " option " + (char) ('A' + c));
        all.add(new Instance("mc", d, doc, c, RequestType.LOGLIKELIHOOD, r, List.of(context, r.continuation()), 1));
      }
    }
    int rest = n - all.size();
    for (int d = 0; d < rest / 2; d++) {
      RollingRequest r = new RollingRequest("Document " + d + " is a paragraph of text scored as a whole.");
      all.add(new Instance("ppl", d, Map.of("id", d), 0, RequestType.LOGLIKELIHOOD_ROLLING, r, List.of(r.text()), 1));
    }
    for (int d = 0; all.size() < n; d++) {
      GenerationRequest r = new GenerationRequest("Q: what is " + d + " + " + d + "?\nA:",
          GenerationParams.greedy(List.of("\n", "Q:")));
      all.add(new Instance("gen", d, Map.of("id", d), 0, RequestType.GENERATE_UNTIL, r, List.of(r.context(),
          Map.of()), 1));
    }
    return all;
  }

  private static void run(LanguageModel model, List<Instance> instances, int batch) {
    new ModelRunner(model, batch, Progress.none()).run(instances);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /** Answers at once; counts the requests it is sent. */
  static final class InstantModel implements LanguageModel {
    long calls;

    @Override
    public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
      calls += batch.size();
      return batch.stream().map(r -> new LoglikelihoodResult(-(r.context().length() % 97) / 7.0 - 0.5,
          r.continuation().endsWith("A"))).toList();
    }

    @Override
    public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
      calls += batch.size();
      return batch.stream().map(r -> new RollingResult(-r.text().length() * 1.25)).toList();
    }

    @Override
    public List<String> generateUntil(List<GenerationRequest> batch) {
      calls += batch.size();
      return batch.stream().map(r -> " " + r.context().length()).toList();
    }
  }
}
