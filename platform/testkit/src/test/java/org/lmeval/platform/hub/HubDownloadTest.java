package org.lmeval.platform.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.EvalException;
import org.lmeval.api.dataset.HubDatasets;
import org.lmeval.api.dataset.HubFailure;
import org.lmeval.platform.progress.ConsoleProgress;
import org.lmeval.testkit.hub.FakeHub;

/**
 * Hub downloads against the fake Hub on loopback: progress bars, LFS sha256 checks, resuming
 * {@code blobs/<etag>.incomplete} with {@code Range}, {@code Retry-After}, and one download per file in the JVM.
 */
class HubDownloadTest {
  private static final String REPO = "acme/tiny";
  private static final String DATASET = "acme/tiny_data";
  private static final String COMMIT = FakeHub.sha1("tiny-main");
  private static final byte[] CONFIG = "{\"a\": 1}".getBytes(); // 8 bytes, served by the Hub itself
  private static final byte[] WEIGHTS = new byte[300_000]; // an LFS file, behind the storage redirect
  private static final String WEIGHTS_SHA = FakeHub.sha256Hex(fill(WEIGHTS));

  @TempDir
  Path dir;
  FakeHub hub;

  private static byte[] fill(byte[] b) {
    new Random(7).nextBytes(b);
    return b;
  }

  @BeforeEach
  void start() throws IOException {
    hub = new FakeHub();
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("config.json", CONFIG);
    files.put("model.bin", WEIGHTS);
    hub.modelRepo(REPO).commits.put(COMMIT, new FakeHub.Commit(files, null));
    hub.modelRepo(REPO).refs.put("main", COMMIT);
    Map<String, byte[]> data = new LinkedHashMap<>();
    data.put("data/test.parquet", WEIGHTS);
    hub.datasetRepo(DATASET).commits.put(COMMIT, new FakeHub.Commit(data, null));
    hub.datasetRepo(DATASET).refs.put("main", COMMIT);
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  private HubSettings settings() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("endpoint", hub.endpoint());
    options.put("cache_dir", dir.resolve("hub").toString());
    return HubSettings.of(options);
  }

  private Path blobs() {
    return dir.resolve("hub/models--acme--tiny/blobs");
  }

  private Path snapshot() {
    return new HubModelSnapshots(settings()).snapshot(REPO, null, List.of("*"));
  }

  @Test
  void aModelDownloadShowsOneByteBarAndACachedOneNothing() throws IOException {
    StringWriter err = new StringWriter();
    HubModelSnapshots snapshots = new HubModelSnapshots(settings(), new ConsoleProgress(new PrintWriter(err), false));
    Path snap = snapshots.snapshot(REPO, null, List.of("*"));
    assertArrayEquals(WEIGHTS, Files.readAllBytes(snap.resolve("model.bin")));
    String[] lines = err.toString().split("\n");
    assertEquals("Downloading acme/tiny:   0%|          | 0.00/300k [00:00<?, ?B/s]", lines[0]);
    String last = lines[lines.length - 1];
    assertTrue(last.startsWith("Downloading acme/tiny: 100%|██████████| 300k/300k [00:"), last);
    assertTrue(last.matches(".*<00:00, [0-9.]+[kMG]?B/s]"), last);
    assertFalse(err.toString().contains("\r"), "plain lines when stderr is no terminal");

    int before = err.toString().length();
    snapshots.snapshot(REPO, null, List.of("*"));
    assertEquals(before, err.toString().length(), "nothing to show when everything is cached: " + err);
  }

  @Test
  void aDatasetFileDownloadShowsItsBarOnce() {
    StringWriter err = new StringWriter();
    HubDatasets datasets = new HubDatasetRepos(settings(), new ConsoleProgress(new PrintWriter(err), false));
    HubDatasets.Revision rev = datasets.revision(DATASET, "main");
    assertEquals(List.of("data/test.parquet"), rev.files());
    assertEquals("", err.toString(), "listing shows no bar");
    rev.file("data/test.parquet");
    String[] lines = err.toString().split("\n");
    assertEquals("Downloading acme/tiny_data: data/test.parquet:   0%|          | 0.00/300k [00:00<?, ?B/s]",
        lines[0]);
    assertTrue(lines[lines.length - 1].startsWith("Downloading acme/tiny_data: data/test.parquet: 100%|"), err.toString());
    int before = err.toString().length();
    datasets.revision(DATASET, "main").file("data/test.parquet");
    assertEquals(before, err.toString().length());
  }

  @Test
  void anLfsFileWhoseSha256IsWrongFailsNamingItAndLeavesNothingInTheCache() throws IOException {
    byte[] bad = WEIGHTS.clone();
    bad[1234] ^= 1;
    hub.tamper(WEIGHTS_SHA, bad);
    EvalException e = assertThrows(EvalException.class, this::snapshot);
    assertTrue(e.getMessage().contains("model.bin") && e.getMessage().contains("sha256")
        && e.getMessage().contains(WEIGHTS_SHA), e.getMessage());
    assertFalse(Files.exists(blobs().resolve(WEIGHTS_SHA)));
    assertFalse(Files.exists(blobs().resolve(WEIGHTS_SHA + ".incomplete")));
    assertFalse(Files.exists(dir.resolve("hub/models--acme--tiny/snapshots/" + COMMIT + "/model.bin")));

    HubDatasets datasets = new HubDatasetRepos(settings());
    HubFailure f = assertThrows(HubFailure.class, () -> datasets.revision(DATASET, "main").file("data/test.parquet"));
    assertEquals(HubFailure.Kind.HTTP, f.kind());
    assertEquals("ChecksumMismatch", f.errorCode());
    assertTrue(f.getMessage().contains("data/test.parquet"), f.getMessage());
  }

  @Test
  void aLeftoverIncompleteBlobIsResumedWithARangeRequest() throws IOException {
    Files.createDirectories(blobs());
    Files.write(blobs().resolve(WEIGHTS_SHA + ".incomplete"), Arrays.copyOf(WEIGHTS, 100_000));
    StringWriter err = new StringWriter();
    Path snap = new HubModelSnapshots(settings(), new ConsoleProgress(new PrintWriter(err), false))
        .snapshot(REPO, null, List.of("*"));
    assertArrayEquals(WEIGHTS, Files.readAllBytes(snap.resolve("model.bin")));
    List<FakeHub.Seen> seen = hub.storageRequests(WEIGHTS_SHA);
    assertEquals(1, seen.size(), seen.toString());
    assertEquals("bytes=100000-", seen.get(0).range());
    assertFalse(Files.exists(blobs().resolve(WEIGHTS_SHA + ".incomplete")));
    String[] lines = err.toString().split("\n");
    assertTrue(lines[lines.length - 1].contains("| 300k/300k ["), "resumed bytes count: " + err);
  }

  @Test
  void aServerIgnoringRangeGetsAFullDownload() throws IOException {
    hub.ignoreRange = true;
    Files.createDirectories(blobs());
    Files.write(blobs().resolve(WEIGHTS_SHA + ".incomplete"), Arrays.copyOf(WEIGHTS, 100_000));
    Path snap = snapshot();
    assertArrayEquals(WEIGHTS, Files.readAllBytes(snap.resolve("model.bin")));
    assertEquals("bytes=100000-", hub.storageRequests(WEIGHTS_SHA).get(0).range());
  }

  @Test
  void aCorruptLeftoverIsCaughtByTheChecksumAndTheNextTryStartsAfresh() throws IOException {
    Files.createDirectories(blobs());
    byte[] wrong = Arrays.copyOf(WEIGHTS, 100_000);
    wrong[10] ^= 1;
    Files.write(blobs().resolve(WEIGHTS_SHA + ".incomplete"), wrong);
    assertThrows(EvalException.class, this::snapshot);
    assertFalse(Files.exists(blobs().resolve(WEIGHTS_SHA + ".incomplete")));
    assertArrayEquals(WEIGHTS, Files.readAllBytes(snapshot().resolve("model.bin")));
    assertNull(hub.storageRequests(WEIGHTS_SHA).get(1).range());
  }

  @Test
  void aTransferCutInTheMiddleResumesWhereItStopped() throws IOException {
    hub.cutNextDownloadAfter(120_000);
    Path snap = snapshot();
    assertArrayEquals(WEIGHTS, Files.readAllBytes(snap.resolve("model.bin")));
    List<FakeHub.Seen> seen = hub.storageRequests(WEIGHTS_SHA);
    assertEquals(2, seen.size(), seen.toString());
    assertNull(seen.get(0).range());
    assertTrue(seen.get(1).range() != null && seen.get(1).range().matches("bytes=[1-9]\\d*-"), seen.toString());
  }

  @Test
  void retryAfterIsHonouredOn429() {
    hub.throttle(1, "2");
    long start = System.nanoTime();
    snapshot();
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis >= 1900, "waited " + millis + " ms; the default first backoff is 1 s");
  }

  @Test
  void retryAfterIsBounded() {
    hub.throttle(1, "3600");
    long start = System.nanoTime();
    new HubClient(settings(), 300).revisionInfo(RepoType.MODEL, REPO, "main");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis >= 250 && millis < 5000, "waited " + millis + " ms");
  }

  @Test
  void retryAfterReadsSecondsAndDates() {
    assertEquals(2000, HubClient.retryAfterMillis("2", 60_000));
    assertEquals(60_000, HubClient.retryAfterMillis("3600", 60_000));
    assertEquals(1, HubClient.retryAfterMillis("Wed, 21 Oct 2015 07:28:00 GMT", 60_000)); // past: at once
    assertEquals(0, HubClient.retryAfterMillis("soon", 60_000));
    assertEquals(0, HubClient.retryAfterMillis(null, 60_000));
  }

  @Test
  void aBlobAnotherProcessIsDownloadingIsWaitedForNotFetchedAgain() throws Exception {
    Path source = Files.write(dir.resolve("weights.bin"), WEIGHTS);
    Path lock = dir.resolve("hub/.locks/models--acme--tiny/" + WEIGHTS_SHA + ".lock");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), BlobLockHolder.class.getName(), lock.toString(),
        blobs().resolve(WEIGHTS_SHA).toString(), source.toString(), "1500").redirectErrorStream(true).start();
    try {
      String first = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream())).readLine();
      assertEquals("locked", first);
      long start = System.nanoTime();
      Path snap = snapshot();
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertArrayEquals(WEIGHTS, Files.readAllBytes(snap.resolve("model.bin")));
      assertEquals(List.of(), hub.storageRequests(WEIGHTS_SHA), "the other process's blob is used");
      assertTrue(millis >= 500, "waited " + millis + " ms for the other process");
    } finally {
      child.destroy();
      child.waitFor();
    }
  }

  @Test
  void twoThreadsAskingForTheSameFileDownloadItOnce() throws Exception {
    hub.storageDelayMillis = 400;
    CountDownLatch go = new CountDownLatch(1);
    Callable<Path> ask = () -> {
      go.await();
      return new HubModelSnapshots(settings()).snapshot(REPO, null, List.of("*"));
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Path> a = pool.submit(ask);
      Future<Path> b = pool.submit(ask);
      go.countDown();
      assertEquals(a.get(), b.get());
      assertArrayEquals(WEIGHTS, Files.readAllBytes(a.get().resolve("model.bin")));
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, hub.storageRequests(WEIGHTS_SHA).size(), hub.log.toString());
    try (Stream<Path> left = Files.list(blobs())) {
      assertEquals(List.of(), left.filter(p -> p.toString().endsWith(".incomplete")).toList());
    }
  }
}
