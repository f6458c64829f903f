package org.lmeval.plugin.http.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.PartialResultsException;

/**
 * Sends batches of {@link ApiCall}s with up to {@code num_concurrent} in flight and returns their results in call
 * order. Waiting costs no thread: a call in flight holds one OkHttp connection, a call waiting for its retry holds
 * nothing but a timer entry.
 *
 * <p>Per call: connection errors, timeouts, truncated bodies, 5xx, 408 and unreadable answers are retried with
 * back-off ({@link RetryPolicy}); 429 (and 503 with {@code Retry-After}) wait as the server asks and halve the
 * concurrency ({@link AdaptiveLimit}); 401, 403 and 404 stop the batch at once (no other answer would differ);
 * other 4xx fail that call. Calls already in flight when a batch fails are still awaited; the failure is a
 * {@link PartialResultsException} carrying every answer received, and the answers are also kept: if the same calls
 * come again (the batch is retried) they are not sent twice.
 *
 * <p>Calls are sent while the batch is still being built ({@link #execute(int, IntFunction)}): the caller builds and
 * queues, starter threads send while connections are free, and the thread of each answer hands its connection to
 * the next queued call. The caller builds at most {@code max(1024, 16 x num_concurrent)} calls ahead of the sending,
 * so a huge batch's payloads never all sit in memory (and in the garbage collector's way) at once; an answered
 * call's payload is let go.
 *
 * <p>Thread-safe; one pool per opened model.
 */
public final class RequestPool implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final int EXCERPT = 200;
  /** Requests one thread takes from the queue per turn of the lock. */
  private static final int CHUNK = 16;
  /** Built calls waiting for a connection, at least, and in rounds of num_concurrent: the building's head start. */
  private static final int LOOKAHEAD_MIN = 1024;
  private static final int LOOKAHEAD_ROUNDS = 16;
  /** Threads that send queued requests while connections are free (see {@link #requestStart}). */
  private static final int STARTERS = 4;

  /** What a backend tells the pool so that its errors name the right fix. */
  public record Hints(String backend, String credentialHint, String notFoundHint) {}

  /**
   * Counters since the pool was opened. {@code inFlightNanos} integrates requests in flight over time; {@code queued}
   * is the number of requests built and waiting for a free connection now.
   */
  public record Stats(long exchanges, long retries, long rateLimited, int maxInFlight, long inFlightNanos,
      int currentLimit, int lowestLimit, List<Long> servedPerReplica, int inFlight, int queued) {}

  private final OkHttpClient client;
  private final Replicas replicas;
  private final Headers headers;
  private final RetryPolicy retry;
  private final AdaptiveLimit limit;
  private final Hints hints;
  private final ScheduledThreadPoolExecutor timer;
  /** Sends what the submitting thread queued, so that building the batch never waits for a send. */
  private final ThreadPoolExecutor starter;
  private final AtomicInteger pendingStarts = new AtomicInteger();
  private final Map<String, Object> kept = new ConcurrentHashMap<>();

  private final Object lock = new Object();
  private final ArrayDeque<Task> ready = new ArrayDeque<>();
  /** How many built calls may wait for a connection before the building thread waits for room. */
  private final int lookahead;
  private int buildersWaiting;
  private int inFlight;
  private int maxInFlight;
  private long lastChange = System.nanoTime();
  private long inFlightNanos;
  private long exchanges;
  private long retries;
  private long rateLimited;
  private boolean closed;

  /**
   * @param client an OkHttp client (its dispatcher must allow {@code maxConcurrent} calls per host); the pool owns
   *     it and shuts it down on close
   * @param baseUrls the replicas
   * @param headers sent with every call (credentials included: never logged)
   */
  public RequestPool(OkHttpClient client, List<String> baseUrls, Map<String, String> headers, int maxConcurrent,
      RetryPolicy retry, Hints hints) {
    this.client = client;
    this.replicas = new Replicas(baseUrls);
    Headers.Builder h = new Headers.Builder();
    headers.forEach(h::set);
    this.headers = h.build();
    this.retry = retry;
    this.limit = new AdaptiveLimit(maxConcurrent);
    this.lookahead = Math.max(LOOKAHEAD_MIN, LOOKAHEAD_ROUNDS * maxConcurrent);
    this.hints = hints;
    this.timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "lmeval-http-retry");
      t.setDaemon(true);
      return t;
    });
    this.timer.setRemoveOnCancelPolicy(true);
    AtomicInteger starters = new AtomicInteger();
    this.starter = new ThreadPoolExecutor(STARTERS, STARTERS, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "lmeval-http-start-" + starters.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Runs every call and returns their results in order.
   *
   * @throws EvalException {@code BACKEND_UNAVAILABLE} when no server could be reached or credentials were refused,
   *     {@code INVALID_ARGUMENT} for a 404 (unknown model or endpoint), {@code BACKEND_FAILURE} when calls still
   *     failed after their retries (the message names the first such call and why); a
   *     {@link PartialResultsException} (with that code and message) when some calls were answered before the
   *     batch failed, carrying their results by index in {@code calls}
   */
  public <T> List<T> execute(List<ApiCall<T>> calls) {
    return execute(calls.size(), calls::get);
  }

  /**
   * Runs {@code count} calls, built in order on the caller's thread by {@code call}, and returns their results in
   * order. Each call is sent as soon as it is built and a connection is free, so the first answers arrive while
   * the batch's later payloads are still being written. A batch that fails stops building. Failures as
   * {@link #execute(List)}; a {@link RuntimeException} thrown by {@code call} is rethrown once the calls already
   * sent have been answered (their results are kept for a retried batch).
   */
  @SuppressWarnings("unchecked")
  public <T> List<T> execute(int count, IntFunction<ApiCall<T>> call) {
    if (count == 0) {
      return List.of();
    }
    Batch batch = new Batch(count);
    synchronized (lock) {
      if (closed) {
        throw new EvalException(ErrorCode.BACKEND_FAILURE, hints.backend() + ": the model is closed");
      }
      batch.remaining = 1; // the submitter's share: the batch is not done before every call is submitted
    }
    Map<String, Object> byKey = new HashMap<>(); // a Task, or a result kept from an earlier failed batch
    List<Task> tasks = new ArrayList<>();
    RuntimeException buildFailure = null;
    try {
      for (int i = 0; i < count && !batch.aborted; i++) {
        ApiCall<T> c = call.apply(i);
        String key = c.deduplicable() ? key(c) : null;
        Object seen = key == null ? null : byKey.computeIfAbsent(key, kept::get);
        if (seen instanceof Task same) {
          synchronized (lock) {
            same.indices = Arrays.copyOf(same.indices, same.indices.length + 1);
            same.indices[same.indices.length - 1] = i;
            if (same.done && same.succeeded) {
              batch.results[i] = batch.results[same.indices[0]];
            }
          }
        } else if (seen != null) {
          batch.results[i] = seen;
        } else {
          Task t = new Task(batch, c, key, i);
          tasks.add(t);
          if (key != null) {
            byKey.put(key, t);
          }
          int free;
          synchronized (lock) {
            if (closed) {
              throw new EvalException(ErrorCode.BACKEND_FAILURE, hints.backend() + ": the model is closed");
            }
            batch.remaining++;
            ready.addLast(t);
            // build ahead only so far: a huge batch's payloads never all wait in memory at once
            while (ready.size() >= lookahead && !batch.aborted && !closed) {
              if (inFlight < limit.current()) {
                requestStart(limit.current() - inFlight); // whoever sends next wakes this thread
              }
              buildersWaiting++;
              try {
                lock.wait();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EvalException(ErrorCode.BACKEND_FAILURE, hints.backend() + ": interrupted while "
                    + "sending requests");
              } finally {
                buildersWaiting--;
              }
            }
            free = limit.current() - inFlight;
          }
          if (free > 0) {
            requestStart(free);
          }
        }
      }
    } catch (RuntimeException e) {
      buildFailure = e;
      abort(batch, null);
    } finally {
      synchronized (lock) {
        if (--batch.remaining == 0) {
          batch.done.countDown();
        }
      }
    }
    try {
      batch.done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abort(batch, new EvalException(ErrorCode.BACKEND_FAILURE, hints.backend() + ": interrupted while waiting for "
          + "the server"));
    }
    EvalException failed;
    Map<Integer, Object> answered = new LinkedHashMap<>();
    synchronized (lock) {
      failed = batch.fatal != null ? batch.fatal : batch.failures.isEmpty() ? null : failure(batch, count);
      if (failed != null || buildFailure != null) {
        for (Task t : tasks) {
          Object r = batch.results[t.indices[0]];
          if (r != null && t.key != null) {
            kept.put(t.key, r);
          }
        }
        for (int i = 0; i < count; i++) {
          if (batch.results[i] != null) {
            answered.put(i, batch.results[i]);
          }
        }
      }
    }
    if (buildFailure != null) {
      throw buildFailure;
    }
    if (failed != null) {
      throw answered.isEmpty() ? failed : new PartialResultsException(failed, answered);
    }
    if (!kept.isEmpty()) {
      kept.keySet().removeAll(byKey.keySet());
    }
    return (List<T>) Arrays.asList(batch.results);
  }

  /** Counters since the pool was opened. */
  public Stats stats() {
    synchronized (lock) {
      account(System.nanoTime());
      return new Stats(exchanges, retries, rateLimited, maxInFlight, inFlightNanos, limit.current(), limit.lowest(),
          replicas.served(), inFlight, ready.size());
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
    timer.shutdownNow();
    starter.shutdownNow();
    client.dispatcher().cancelAll();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  // ---- scheduling

  /**
   * Sends queued requests while connections are free, {@value #CHUNK} per turn of the lock, so that several threads
   * (the starters and the threads of answers that just came back) send at once when many connections are free.
   */
  private void pump() {
    List<Task> starting = new ArrayList<>(CHUNK);
    while (true) {
      synchronized (lock) {
        take(starting, CHUNK);
      }
      if (starting.isEmpty()) {
        return;
      }
      for (Task t : starting) {
        send(t);
      }
      starting.clear();
    }
  }

  /** Moves up to {@code max} queued requests into {@code starting} while connections are free. Guarded by lock. */
  private void take(List<Task> starting, int max) {
    if (buildersWaiting > 0 && ready.size() <= lookahead - lookahead / 4) {
      lock.notifyAll();
    }
    while (starting.size() < max && !closed && inFlight < limit.current() && !ready.isEmpty()) {
      Task t = ready.pollFirst();
      if (t.batch.aborted) {
        taskDone(t);
        continue;
      }
      account(System.nanoTime());
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      exchanges++;
      starting.add(t);
    }
  }

  /**
   * Has the starter threads send what is queued while connections are free. Sending (OkHttp's enqueue) costs far
   * more than building a payload, and at the start of a batch every connection is free: done on the submitting
   * thread, the sends would hold back the building, and the answers' threads would find nothing queued to send
   * next. Requests coalesce: one pass sends everything that fits; more passes (up to {@value #STARTERS}) run at once
   * only while many connections are free (one more per 64), as at the start of a batch.
   */
  private void requestStart(int free) {
    if (pendingStarts.get() >= Math.min(STARTERS, 1 + free / 64)) {
      return;
    }
    pendingStarts.incrementAndGet();
    try {
      starter.execute(() -> {
        pendingStarts.decrementAndGet();
        pump();
      });
    } catch (RejectedExecutionException e) {
      pendingStarts.decrementAndGet(); // closed
    }
  }

  private void send(Task t) {
    Replicas.Replica replica = replicas.acquire(System.nanoTime());
    t.generation = limit.generation();
    Request request;
    try {
      Request.Builder b = new Request.Builder().url(t.call.target().apply(replica.baseUrl)).headers(headers);
      if ("GET".equals(t.call.method())) {
        b.get();
      } else {
        b.method(t.call.method(), RequestBody.create(t.call.body() == null ? new byte[0] : t.call.body(), JSON));
      }
      request = b.build();
    } catch (IllegalArgumentException e) {
      finish(t, replica, false, Outcome.runFailure(new EvalException(ErrorCode.INVALID_ARGUMENT,
          hints.backend() + ": '" + t.call.target().apply(replica.baseUrl) + "' is not a valid URL: "
          + e.getMessage())));
      return;
    }
    String url = request.url().toString();
    client.newCall(request).enqueue(new Callback() {
      @Override
      public void onFailure(Call call, IOException e) {
        boolean unreachable = e instanceof ConnectException || e instanceof UnknownHostException
            || e instanceof NoRouteToHostException;
        finish(t, replica, unreachable, Outcome.retry(describe(e) + " (" + url + ")", unreachable));
      }

      @Override
      public void onResponse(Call call, Response response) {
        Outcome outcome;
        try (response) {
          outcome = classify(t, response, url);
        } catch (IOException e) {
          outcome = Outcome.retry("answer cut short: " + describe(e) + " (" + url + ")", false);
        } catch (RuntimeException e) {
          outcome = Outcome.retry("answer could not be read: " + e + " (" + url + ")", false);
        }
        finish(t, replica, false, outcome);
      }
    });
  }

  private Outcome classify(Task t, Response response, String url) throws IOException {
    int code = response.code();
    ResponseBody body = response.body();
    byte[] bytes = body == null ? new byte[0] : body.bytes();
    if (code >= 200 && code < 300) {
      try {
        Object value = t.call.parser().parse(bytes);
        if (value == null) {
          return Outcome.retry("unreadable answer from " + url + ": no result in " + excerpt(bytes), false);
        }
        return Outcome.success(value);
      } catch (Exception e) {
        return Outcome.retry("unreadable answer from " + url + ": " + e.getMessage() + "; answer: "
            + excerpt(bytes), false);
      }
    }
    String said = "HTTP " + code + (response.message().isEmpty() ? "" : " " + response.message()) + " from " + url
        + (bytes.length == 0 ? "" : "; the server said: " + excerpt(bytes));
    long retryAfter = RetryAfter.nanos(response.header("Retry-After"), Instant.now());
    if (code == 429 || (code == 503 && retryAfter >= 0)) {
      return Outcome.rateLimited(said, retryAfter);
    }
    if (code == 401 || code == 403) {
      return Outcome.runFailure(new EvalException(ErrorCode.BACKEND_UNAVAILABLE, hints.backend() + ": " + said
          + " — the server refused the credentials; " + hints.credentialHint()));
    }
    if (code == 404) {
      return Outcome.runFailure(new EvalException(ErrorCode.INVALID_ARGUMENT, hints.backend() + ": " + said + " — "
          + hints.notFoundHint()));
    }
    if (code >= 500 || code == 408 || code == 409 || code == 425) {
      return Outcome.retry(said, false);
    }
    return Outcome.requestFailure(said);
  }

  private void finish(Task t, Replicas.Replica replica, boolean unreachable, Outcome outcome) {
    long now = System.nanoTime();
    if (outcome.kind == Kind.SUCCESS) {
      // the hand-over first: each lock taken before it keeps the connection idle longer
      List<Task> next = new ArrayList<>(1);
      synchronized (lock) { // one turn of the lock frees the connection and gives it the next queued request
        account(now);
        inFlight--;
        for (int i : t.indices) {
          t.batch.results[i] = outcome.value;
        }
        t.succeeded = true;
        t.call = null; // its body and parser are not needed any more
        taskDone(t);
        take(next, 1);
      }
      for (Task n : next) {
        send(n);
      }
      replicas.release(replica, false, now);
      if (limit.onSuccess() && !next.isEmpty()) {
        pump(); // a connection more is allowed
      }
      return;
    }
    replicas.release(replica, unreachable, now);
    synchronized (lock) {
      account(now);
      inFlight--;
    }
    switch (outcome.kind) {
      case RATE_LIMITED -> {
        limit.onRateLimited(t.generation);
        t.rateLimits++;
        t.lastError = outcome.message;
        synchronized (lock) {
          rateLimited++;
        }
        if (t.rateLimits > retry.maxRateLimitRetries()) {
          fail(t, "still rate limited after " + t.rateLimits + " answers: " + outcome.message, false);
        } else {
          later(t, retry.rateLimitNanos(t.rateLimits, outcome.retryAfterNanos));
        }
      }
      case RETRY -> {
        t.errors++;
        t.lastError = outcome.message;
        t.unreachable = outcome.unreachable;
        if (t.errors >= retry.maxAttempts()) {
          fail(t, outcome.message + " (" + t.errors + (t.errors == 1 ? " attempt)" : " attempts)"),
              outcome.unreachable);
        } else {
          later(t, retry.backoffNanos(t.errors));
        }
      }
      case REQUEST_FAILURE -> fail(t, outcome.message, false);
      case RUN_FAILURE -> abort(t.batch, outcome.fatal, t);
    }
    pump();
  }

  private void later(Task t, long delayNanos) {
    synchronized (lock) {
      retries++;
      if (closed || t.batch.aborted) {
        taskDone(t);
        return;
      }
    }
    if (delayNanos <= 0) {
      synchronized (lock) {
        ready.addFirst(t);
      }
      return;
    }
    try {
      timer.schedule(() -> {
        synchronized (lock) {
          if (t.batch.aborted || closed) {
            taskDone(t);
            return;
          }
          ready.addFirst(t);
        }
        pump();
      }, delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      synchronized (lock) {
        taskDone(t);
      }
    }
  }

  private void fail(Task t, String message, boolean unreachable) {
    synchronized (lock) {
      t.batch.failures.add(new Failure(t, message, unreachable));
      taskDone(t);
    }
  }

  private void abort(Batch batch, EvalException fatal, Task cause) {
    synchronized (lock) {
      lock.notifyAll(); // a builder waiting for room stops building
      if (batch.fatal == null) {
        batch.fatal = fatal;
      }
      batch.aborted = true;
      if (cause != null) {
        taskDone(cause);
      }
      for (Iterator<Task> it = ready.iterator(); it.hasNext(); ) {
        Task t = it.next();
        if (t.batch == batch) {
          it.remove();
          taskDone(t);
        }
      }
    }
  }

  private void abort(Batch batch, EvalException fatal) {
    abort(batch, fatal, null);
  }

  /** Guarded by lock. */
  private void taskDone(Task t) {
    if (t.done) {
      return;
    }
    t.done = true;
    if (--t.batch.remaining == 0) {
      t.batch.done.countDown();
    }
  }

  /** Guarded by lock. */
  private void account(long now) {
    // A thread that read the clock before waiting for the lock adds a negative span: the sum stays exact (it is the
    // sum over requests of answer time minus send time), and the wait counts as a free connection, which it is.
    inFlightNanos += (long) inFlight * (now - lastChange);
    lastChange = now;
  }

  private EvalException failure(Batch batch, int total) {
    Failure first = batch.failures.get(0);
    int failed = 0;
    boolean allUnreachable = true;
    for (Failure f : batch.failures) {
      failed += f.task.indices.length;
      allUnreachable &= f.unreachable;
    }
    boolean nothingAnswered = true;
    for (Object r : batch.results) {
      if (r != null) {
        nothingAnswered = false;
        break;
      }
    }
    String what = first.task.call.description();
    if (allUnreachable && nothingAnswered) {
      return new EvalException(ErrorCode.BACKEND_UNAVAILABLE, hints.backend() + ": cannot reach the server: "
          + first.message + "; is it running, and is base_url right?");
    }
    return new EvalException(ErrorCode.BACKEND_FAILURE, hints.backend() + ": " + failed + " of " + total
        + " requests failed; first: " + what + ": " + first.message);
  }

  // ---- helpers

  private static String key(ApiCall<?> call) {
    String target = call.target().apply("");
    String body = call.body() == null ? "" : new String(call.body(), StandardCharsets.UTF_8);
    return call.method() + ' ' + target + '\n' + body;
  }

  private static String describe(IOException e) {
    if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      return "timed out (" + e.getMessage() + ")";
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  /** The start of an answer on one line, for messages. */
  static String excerpt(byte[] bytes) {
    String s = new String(bytes, 0, Math.min(bytes.length, EXCERPT * 4), StandardCharsets.UTF_8)
        .replaceAll("\\s+", " ").strip();
    return s.length() > EXCERPT ? s.substring(0, EXCERPT) + "..." : s;
  }

  private static final class Batch {
    final Object[] results;
    final CountDownLatch done = new CountDownLatch(1);
    final List<Failure> failures = new ArrayList<>();
    int remaining;
    volatile boolean aborted;
    volatile EvalException fatal;

    Batch(int size) {
      results = new Object[size];
    }
  }

  private static final class Task {
    final Batch batch;
    ApiCall<?> call;
    final String key;
    int[] indices;
    int errors;
    int rateLimits;
    long generation;
    String lastError;
    boolean unreachable;
    boolean done;
    boolean succeeded;

    Task(Batch batch, ApiCall<?> call, String key, int index) {
      this.batch = batch;
      this.call = call;
      this.key = key;
      this.indices = new int[] {index};
    }
  }

  private record Failure(Task task, String message, boolean unreachable) {}

  private enum Kind { SUCCESS, RETRY, RATE_LIMITED, REQUEST_FAILURE, RUN_FAILURE }

  private static final class Outcome {
    final Kind kind;
    final Object value;
    final String message;
    final long retryAfterNanos;
    final boolean unreachable;
    final EvalException fatal;

    private Outcome(Kind kind, Object value, String message, long retryAfterNanos, boolean unreachable,
        EvalException fatal) {
      this.kind = kind;
      this.value = value;
      this.message = message;
      this.retryAfterNanos = retryAfterNanos;
      this.unreachable = unreachable;
      this.fatal = fatal;
    }

    static Outcome success(Object value) {
      return new Outcome(Kind.SUCCESS, value, null, -1, false, null);
    }

    static Outcome retry(String message, boolean unreachable) {
      return new Outcome(Kind.RETRY, null, message, -1, unreachable, null);
    }

    static Outcome rateLimited(String message, long retryAfterNanos) {
      return new Outcome(Kind.RATE_LIMITED, null, message, retryAfterNanos, false, null);
    }

    static Outcome requestFailure(String message) {
      return new Outcome(Kind.REQUEST_FAILURE, null, message, -1, false, null);
    }

    static Outcome runFailure(EvalException fatal) {
      return new Outcome(Kind.RUN_FAILURE, null, fatal.getMessage(), -1, false, fatal);
    }
  }
}
