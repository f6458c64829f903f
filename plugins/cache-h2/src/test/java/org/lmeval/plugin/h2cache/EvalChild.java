package org.lmeval.plugin.h2cache;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
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
import org.lmeval.platform.cache.CacheKeys;
import org.lmeval.platform.cache.CachingLanguageModel;
import org.lmeval.platform.cache.ModelFingerprint;
import org.lmeval.platform.cache.ResponseCaches;
import org.lmeval.platform.eval.Instance;
import org.lmeval.platform.eval.ModelRunner;
import org.lmeval.platform.progress.Progress;

/**
 * A real evaluation loop in its own JVM, for the kill-and-resume tests: the kernel with the h2 plugin opens
 * {@code --use_cache LOCATION}, the kernel's {@link ModelRunner} sends {@link #instances()} in batches through
 * {@link CachingLanguageModel} to a slow fake model that appends every request it computes to a call log, and the
 * responses and an accuracy go to a results file.
 *
 * <p>Arguments: LOCATION CALL_LOG RESULTS MILLIS_PER_REQUEST BATCH_SIZE RETURN_LOG. Every request of a batch the
 * caching model has returned (so committed, if the cache keeps its promise) is appended to RETURN_LOG. Prints
 * {@code OPENED} once the cache is open and {@code DONE sent=N hits=M} at the end.
 */
public final class EvalChild {
  static final ModelFingerprint FINGERPRINT = new ModelFingerprint("slow-fake", Map.of("pretrained", "fake-1b"),
      "weights-0001");

  private EvalChild() {}

  public static void main(String[] args) throws Exception {
    String location = args[0];
    Path callLog = Path.of(args[1]);
    Path results = Path.of(args[2]);
    long millis = Long.parseLong(args[3]);
    int batchSize = Integer.parseInt(args[4]);
    Path returnLog = Path.of(args[5]);
    Kernel kernel = Kernel.start(KernelConfig.of(new H2CachePlugin()));
    List<Instance> instances = instances();
    try (ResponseCache cache = ResponseCaches.open(kernel.registry(), location);
        OutputStream log = new FileOutputStream(callLog.toFile(), true);
        OutputStream returned = new FileOutputStream(returnLog.toFile(), true)) {
      System.out.println("OPENED");
      System.out.flush();
      CachingLanguageModel model = CachingLanguageModel.of(new SlowModel(millis, log), cache, FINGERPRINT, instances);
      List<List<Object>> responses = new ModelRunner(new Returned(model, returned), batchSize, Progress.none())
          .run(instances);
      Files.writeString(results, render(instances, responses), StandardCharsets.UTF_8);
      System.out.println("DONE sent=" + model.sent() + " hits=" + model.hits());
    }
  }

  /**
   * The evaluation: 30 multiple-choice documents (4 loglikelihood requests each; two documents share a prompt),
   * 15 rolling texts, 15 greedy generations, 5 sampled prompts with 3 repeats each (two of them identical).
   */
  static List<Instance> instances() {
    List<Instance> all = new ArrayList<>();
    for (int d = 0; d < 30; d++) {
      Map<String, Object> doc = Map.of("id", d, "gold", d % 4);
      String context = "Question " + (d == 29 ? 28 : d) + ": which?\nAnswer:";
      for (int c = 0; c < 4; c++) {
        LoglikelihoodRequest r = new LoglikelihoodRequest(context, " option " + c);
        all.add(new Instance("mc", d, doc, c, RequestType.LOGLIKELIHOOD, r, List.of(context, r.continuation()), 1));
      }
    }
    for (int d = 0; d < 15; d++) {
      RollingRequest r = new RollingRequest("A long text number " + d + " to score in windows.");
      all.add(new Instance("ppl", d, Map.of("id", d), 0, RequestType.LOGLIKELIHOOD_ROLLING, r, List.of(r.text()), 1));
    }
    for (int d = 0; d < 15; d++) {
      GenerationRequest r = new GenerationRequest("Q: " + d + " + 1 =", GenerationParams.greedy(List.of("\n")));
      all.add(new Instance("gen", d, Map.of("id", d), 0, RequestType.GENERATE_UNTIL, r, List.of(r.context(),
          Map.of("until", List.of("\n"))), 1));
    }
    for (int d = 0; d < 5; d++) {
      GenerationRequest r = new GenerationRequest("Write a word (" + Math.min(d, 3) + "):", new GenerationParams(
          List.of("\n"), OptionalInt.of(8), true, OptionalDouble.of(0.8), Map.of()));
      all.add(new Instance("sample", d, Map.of("id", d), 0, RequestType.GENERATE_UNTIL, r, List.of(r.context(),
          Map.of("do_sample", true)), 3));
    }
    return all;
  }

  /** A request's identity in call logs: the sha256 of its canonical form at repeat 0. */
  static String requestId(RequestType type, Object request) {
    return CacheKeys.key(type, request, 0);
  }

  /** One line per instance: its responses; then the multiple-choice accuracy. */
  static String render(List<Instance> instances, List<List<Object>> responses) {
    StringBuilder out = new StringBuilder();
    int correct = 0;
    int docs = 0;
    for (int i = 0; i < instances.size(); i++) {
      Instance inst = instances.get(i);
      out.append(inst.taskName()).append(' ').append(inst.docId()).append(' ').append(inst.idx()).append('\t')
          .append(responses.get(i)).append('\n');
      if (inst.taskName().equals("mc") && inst.idx() == 3) {
        int best = 0;
        for (int c = 1; c < 4; c++) {
          double lp = ((LoglikelihoodResult) responses.get(i - 3 + c).get(0)).logprob();
          if (lp > ((LoglikelihoodResult) responses.get(i - 3 + best).get(0)).logprob()) {
            best = c;
          }
        }
        correct += best == (Integer) inst.doc().get("gold") ? 1 : 0;
        docs++;
      }
    }
    out.append("acc ").append(correct).append('/').append(docs).append('\n');
    return out.toString();
  }

  /** Logs the requests of every batch the caching model returns. */
  static final class Returned implements LanguageModel {
    private final LanguageModel model;
    private final OutputStream log;

    Returned(LanguageModel model, OutputStream log) {
      this.model = model;
      this.log = log;
    }

    @Override
    public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
      return logged(RequestType.LOGLIKELIHOOD, batch, model.loglikelihood(batch));
    }

    @Override
    public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
      return logged(RequestType.LOGLIKELIHOOD_ROLLING, batch, model.loglikelihoodRolling(batch));
    }

    @Override
    public List<String> generateUntil(List<GenerationRequest> batch) {
      return logged(RequestType.GENERATE_UNTIL, batch, model.generateUntil(batch));
    }

    private <T> List<T> logged(RequestType type, List<?> batch, List<T> results) {
      StringBuilder lines = new StringBuilder();
      for (Object r : batch) {
        lines.append(requestId(type, r)).append('\n');
      }
      try {
        log.write(lines.toString().getBytes(StandardCharsets.US_ASCII));
        log.flush();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return results;
    }
  }

  /**
   * Deterministic for loglikelihood, rolling and greedy requests (a function of the request); sampled
   * generations draw from a generator seeded by the process, so a response served from the cache is told apart
   * from a new draw. Each request takes {@code millis} and is logged as it completes.
   */
  static final class SlowModel implements LanguageModel {
    private final long millis;
    private final OutputStream log;
    private final Random sampler = new Random(System.nanoTime());

    SlowModel(long millis, OutputStream log) {
      this.millis = millis;
      this.log = log;
    }

    @Override
    public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
      List<LoglikelihoodResult> out = new ArrayList<>();
      for (LoglikelihoodRequest r : batch) {
        compute(RequestType.LOGLIKELIHOOD, r);
        int h = (r.context() + r.continuation()).hashCode();
        out.add(new LoglikelihoodResult(-(Math.floorMod(h, 10_000) + 1) / 997.0, h % 3 == 0));
      }
      return out;
    }

    @Override
    public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
      List<RollingResult> out = new ArrayList<>();
      for (RollingRequest r : batch) {
        compute(RequestType.LOGLIKELIHOOD_ROLLING, r);
        out.add(new RollingResult(-Math.floorMod(r.text().hashCode(), 100_000) / 13.0));
      }
      return out;
    }

    @Override
    public List<String> generateUntil(List<GenerationRequest> batch) {
      List<String> out = new ArrayList<>();
      for (GenerationRequest r : batch) {
        compute(RequestType.GENERATE_UNTIL, r);
        out.add(r.params().doSample() ? "sample " + Long.toHexString(sampler.nextLong())
            : "answer to " + r.context());
      }
      return out;
    }

    private void compute(RequestType type, Object request) {
      try {
        Thread.sleep(millis);
        log.write((requestId(type, request) + "\n").getBytes(StandardCharsets.US_ASCII));
        log.flush();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
