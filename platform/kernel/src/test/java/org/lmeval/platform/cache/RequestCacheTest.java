package org.lmeval.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.platform.eval.EvalSettings;
import org.lmeval.platform.eval.EvalTask;
import org.lmeval.platform.eval.FilterSetSpec;
import org.lmeval.platform.eval.Instance;
import org.lmeval.platform.eval.MetricSpec;
import org.lmeval.platform.eval.OutputType;

class RequestCacheTest {
  @TempDir Path dir;
  private final StringWriter warnings = new StringWriter();

  /** Instances with every kind of value a document or an argument list may hold. */
  static List<Instance> instances() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("question", "What is 2+2? ünïcode 😀 \ud800");
    doc.put("int", 4);
    doc.put("long", 12345678901L);
    doc.put("small long", 3L);
    doc.put("double", 1.0);
    doc.put("nan", Double.NaN);
    doc.put("float", 0.5f);
    doc.put("big", new BigInteger("123456789012345678901234567890"));
    doc.put("decimal", new BigDecimal("1.10"));
    doc.put("none", null);
    doc.put("flag", true);
    doc.put("choices", new ArrayList<>(List.of("3", "4", List.of(1, 2.5))));
    Map<Object, Object> nested = new LinkedHashMap<>();
    nested.put(1, "int key");
    nested.put("s", Map.of("deep", List.of()));
    doc.put("nested", nested);
    Map<String, Object> doc2 = new LinkedHashMap<>(Map.of("question", "second"));
    List<Instance> out = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      LoglikelihoodRequest r = new LoglikelihoodRequest("Q: 2+2?", " " + (3 + i));
      out.add(new Instance("arc", 0, doc, i, RequestType.LOGLIKELIHOOD, r, List.of(r.context(), r.continuation()),
          1));
    }
    out.add(new Instance("arc", 1, doc2, 0, RequestType.LOGLIKELIHOOD_ROLLING, new RollingRequest("text"),
        List.of("text"), 1));
    Map<String, Object> kwargs = new LinkedHashMap<>();
    kwargs.put("until", List.of("\n\n", "Q:"));
    kwargs.put("do_sample", true);
    kwargs.put("temperature", 0.7);
    kwargs.put("top_p", 0.95);
    kwargs.put("seed", 3);
    GenerationParams params = new GenerationParams(List.of("\n\n", "Q:"), OptionalInt.of(256), true,
        OptionalDouble.of(0.7), Map.of("top_p", 0.95, "seed", 3));
    out.add(new Instance("arc", 1, doc2, 0, RequestType.GENERATE_UNTIL, new GenerationRequest("ctx", params),
        List.of("ctx", kwargs), 4));
    out.add(new Instance("arc", 2, doc2, 0, RequestType.GENERATE_UNTIL, new GenerationRequest("ctx2",
        GenerationParams.greedy(List.of())), List.of("ctx2", Map.of()), 1));
    return out;
  }

  private RequestCache cache(String flag) {
    return RequestCache.open(dir, flag, new PrintWriter(warnings, true));
  }

  private static RequestCacheKey key(String task) {
    return new RequestCacheKey(task, 0, Map.of("limit", 10));
  }

  private static Supplier<List<Instance>> counting(AtomicInteger builds, List<Instance> instances) {
    return () -> {
      builds.incrementAndGet();
      return instances;
    };
  }

  @Test
  void instancesReadBackEqualWithTheirValueTypesAndSharedDocuments() {
    List<Instance> built = instances();
    AtomicInteger builds = new AtomicInteger();
    cache("true").loadOrBuild(key("arc"), counting(builds, built));
    RequestCache again = cache("true");
    List<Instance> loaded = again.loadOrBuild(key("arc"), counting(builds, built));
    assertEquals(1, builds.get(), "the second run skips building");
    assertEquals(1, again.loaded());
    assertEquals(built, loaded);
    Map<String, Object> doc = loaded.get(0).doc();
    for (String field : List.of("int", "long", "small long", "double", "float", "big", "decimal")) {
      assertEquals(built.get(0).doc().get(field).getClass(), doc.get(field).getClass(), field);
    }
    assertTrue(Double.isNaN((Double) doc.get("nan")));
    assertSame(loaded.get(0).doc(), loaded.get(1).doc(), "instances of one document share it, as when built");
    assertEquals(built.get(3).request(), loaded.get(3).request());
  }

  @Test
  void refreshRebuildsAndDeleteEmptiesTheFolder() {
    AtomicInteger builds = new AtomicInteger();
    cache("true").loadOrBuild(key("arc"), counting(builds, instances()));
    cache("refresh").loadOrBuild(key("arc"), counting(builds, instances()));
    assertEquals(2, builds.get());
    cache("TRUE").loadOrBuild(key("arc"), counting(builds, instances()));
    assertEquals(2, builds.get());
    assertTrue(Files.exists(dir.resolve(key("arc").fileName())));
    RequestCache deleting = cache("delete");
    assertFalse(Files.exists(dir.resolve(key("arc").fileName())));
    deleting.loadOrBuild(key("arc"), counting(builds, instances()));
    assertEquals(3, builds.get());
    assertFalse(Files.exists(dir.resolve(key("arc").fileName())), "delete does not cache this run");
    RequestCache.off().loadOrBuild(key("arc"), counting(builds, instances()));
    assertEquals(4, builds.get());
  }

  @Test
  void aDamagedFileIsRebuiltNeverRead() throws Exception {
    AtomicInteger builds = new AtomicInteger();
    cache("true").loadOrBuild(key("arc"), counting(builds, instances()));
    Path file = dir.resolve(key("arc").fileName());
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    assertEquals(instances(), cache("true").loadOrBuild(key("arc"), counting(builds, instances())));
    assertEquals(2, builds.get());
    assertTrue(warnings.toString().contains("is damaged"), warnings.toString());
    bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(file, bytes);
    assertEquals(instances(), cache("true").loadOrBuild(key("arc"), counting(builds, instances())));
    assertEquals(3, builds.get());
    assertEquals(instances(), cache("true").loadOrBuild(key("arc"), counting(builds, instances())));
    assertEquals(3, builds.get(), "the rebuilt file is read again");
  }

  @Test
  void badFlagsAndFoldersAreClearErrors() throws Exception {
    EvalException flag = assertThrows(EvalException.class, () -> cache("yes"));
    assertEquals(ErrorCode.INVALID_ARGUMENT, flag.code());
    assertTrue(flag.getMessage().contains("true, refresh or delete"), flag.getMessage());
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    EvalException folder = assertThrows(EvalException.class,
        () -> RequestCache.open(file.resolve("sub"), "true", null));
    assertEquals(ErrorCode.CACHE_FAILURE, folder.code());
    assertTrue(folder.getMessage().contains(file.resolve("sub").toString()), folder.getMessage());
    assertEquals(RequestCache.Mode.USE, RequestCache.parse(""));
  }

  @Test
  void theKeyFollowsWhatTheInstancesDependOn() {
    StubTask task = new StubTask();
    EvalSettings base = EvalSettings.builder().tasks(List.of("t")).build();
    RequestCacheKey k = RequestCacheKey.of(task, base);
    assertEquals(k, RequestCacheKey.of(task, base));
    assertTrue(k.fileName().matches("requests-my_task-2shot-[0-9a-f]{16}\\.jsonl\\.gz"), k.fileName());
    List<EvalSettings> changed = List.of(base.toBuilder().limit(10.0).build(),
        base.toBuilder().fewshotSeed(1).build(), base.toBuilder().systemInstruction("Be brief.").build(),
        base.toBuilder().samples(Map.of("my/task", List.of(1, 2))).build(),
        base.toBuilder().genKwargs(Map.of("temperature", 0.5)).build(),
        base.toBuilder().datasetDir(Path.of("/data")).build());
    for (EvalSettings s : changed) {
      assertNotEquals(k.fileName(), RequestCacheKey.of(task, s).fileName(), s.toString());
    }
    task.config.put("doc_to_text", "{{question}}?");
    assertNotEquals(k.fileName(), RequestCacheKey.of(task, base).fileName(), "a YAML edit is a new key");
    assertEquals(k.fileName(), RequestCacheKey.of(new StubTask(), base.toBuilder().model("other").build())
        .fileName(), "without a chat template the model does not matter");
  }

  /** Just enough of a task for its cache key. */
  static final class StubTask implements EvalTask {
    final Map<String, Object> config = new LinkedHashMap<>(Map.of("task", "my/task", "doc_to_text", "{{question}}"));

    @Override
    public String name() {
      return "my/task";
    }

    @Override
    public String alias() {
      return name();
    }

    @Override
    public OutputType outputType() {
      return OutputType.MULTIPLE_CHOICE;
    }

    @Override
    public Object version() {
      return 1.0;
    }

    @Override
    public int numFewshot() {
      return 2;
    }

    @Override
    public List<MetricSpec> metrics() {
      return List.of();
    }

    @Override
    public List<FilterSetSpec> filterSets() {
      return List.of(FilterSetSpec.none());
    }

    @Override
    public int repeats() {
      return 1;
    }

    @Override
    public int originalDocCount() {
      return 0;
    }

    @Override
    public List<Instance> instances() {
      throw new AssertionError("the key must not build the instances");
    }

    @Override
    public Object docToTarget(Map<String, Object> doc) {
      return null;
    }

    @Override
    public Object docToText(Map<String, Object> doc) {
      return null;
    }

    @Override
    public List<String> docToChoice(Map<String, Object> doc) {
      return List.of();
    }

    @Override
    public boolean hasChoices() {
      return false;
    }

    @Override
    public boolean multipleInput() {
      return false;
    }

    @Override
    public boolean multipleTarget() {
      return false;
    }

    @Override
    public Map<String, Object> configForResults() {
      return config;
    }
  }
}
