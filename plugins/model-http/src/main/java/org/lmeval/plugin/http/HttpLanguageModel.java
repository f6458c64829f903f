package org.lmeval.plugin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.PartialResultsException;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;
import org.lmeval.plugin.http.client.ApiCall;
import org.lmeval.plugin.http.client.RequestPool;

/**
 * What every HTTP model shares: its settings, its request pool, the refusal of request types it cannot serve, and
 * a preferred batch large enough to keep {@code num_concurrent} requests of {@code batch_size} prompts busy.
 */
abstract class HttpLanguageModel implements LanguageModel {
  static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  static final System.Logger LOG = System.getLogger("org.lmeval.plugin.http");

  final BackendKind kind;
  final HttpSettings settings;
  final RequestPool pool;

  HttpLanguageModel(BackendKind kind, HttpSettings settings, RequestPool pool) {
    this.kind = kind;
    this.settings = settings;
    this.pool = pool;
  }

  /** The request types this model can serve; see each backend. */
  abstract Set<RequestType> served();

  /** Why a request type is not served, for the refusal's message. */
  abstract String whyNot(RequestType type);

  List<LoglikelihoodResult> doLoglikelihood(List<LoglikelihoodRequest> batch) {
    throw refuse(RequestType.LOGLIKELIHOOD);
  }

  List<RollingResult> doRolling(List<RollingRequest> batch) {
    throw refuse(RequestType.LOGLIKELIHOOD_ROLLING);
  }

  List<String> doGenerate(List<GenerationRequest> batch) {
    throw refuse(RequestType.GENERATE_UNTIL);
  }

  @Override
  public final List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
    require(RequestType.LOGLIKELIHOOD);
    return batch.isEmpty() ? List.of() : doLoglikelihood(batch);
  }

  @Override
  public final List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
    require(RequestType.LOGLIKELIHOOD_ROLLING);
    return batch.isEmpty() ? List.of() : doRolling(batch);
  }

  @Override
  public final List<String> generateUntil(List<GenerationRequest> batch) {
    require(RequestType.GENERATE_UNTIL);
    return batch.isEmpty() ? List.of() : doGenerate(batch);
  }

  @Override
  public final Set<RequestType> supportedRequests() {
    Set<RequestType> s = served();
    return s.isEmpty() ? Set.of() : EnumSet.copyOf(s);
  }

  /**
   * Enough requests for every connection 32 times over: num_concurrent x batch_size x 32. The kernel waits for a whole
   * batch before handing over the next, so the connections drain at each batch end (about half a round lost; the
   * next batch's first requests are sent while the rest are built); 32 rounds per batch keep that under a few
   * percent (8 lost 6 % at 256).
   */
  @Override
  public int preferredBatchSize() {
    long n = (long) settings.numConcurrent() * settings.batchSize() * 32;
    return (int) Math.max(8, Math.min(n, 1 << 20));
  }

  @Override
  public String modelName() {
    return settings.modelName().orElse("");
  }

  /**
   * Runs {@code members.size()} calls (built in order by {@code call}, each sent as soon as it is built) whose
   * answers are lists: element {@code k} of call {@code c}'s answer is the result for batch index
   * {@code members.get(c)[k]}. Returns the results in batch order.
   *
   * @throws PartialResultsException when the batch failed after some calls were answered: every batch index those
   *     answers cover, with its result
   */
  <R> List<R> executeSpread(int batchSize, List<int[]> members, IntFunction<ApiCall<List<R>>> call) {
    List<List<R>> answers;
    try {
      answers = pool.execute(members.size(), call);
    } catch (PartialResultsException partial) {
      Map<Integer, Object> byIndex = new HashMap<>();
      partial.results().forEach((c, answer) -> {
        int[] idx = members.get(c);
        List<?> list = (List<?>) answer;
        for (int k = 0; k < idx.length; k++) {
          byIndex.put(idx[k], list.get(k));
        }
      });
      throw partial.withResults(byIndex);
    }
    Object[] out = new Object[batchSize];
    for (int c = 0; c < answers.size(); c++) {
      int[] idx = members.get(c);
      for (int k = 0; k < idx.length; k++) {
        out[idx[k]] = answers.get(c).get(k);
      }
    }
    @SuppressWarnings("unchecked")
    List<R> results = (List<R>) Arrays.asList(out);
    return results;
  }

  /** The pool's counters (requests, retries, rate limits, concurrency reached). */
  RequestPool.Stats stats() {
    return pool.stats();
  }

  @Override
  public void close() {
    pool.close();
  }

  private void require(RequestType type) {
    if (!served().contains(type)) {
      throw refuse(type);
    }
  }

  EvalException refuse(RequestType type) {
    return new EvalException(ErrorCode.UNSUPPORTED_REQUEST, kind.modelName + " cannot serve " + type.lmEvalName()
        + " requests: " + whyNot(type) + "; it serves: " + served().stream().map(RequestType::lmEvalName)
            .collect(Collectors.joining(", ")));
  }

  static byte[] bytes(Object payload) {
    try {
      return JSON.writeValueAsBytes(payload);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a JSON payload", e);
    }
  }

  static JsonNode object(byte[] body) throws IOException {
    JsonNode n = JSON.readTree(body);
    if (n == null || !n.isObject()) {
      throw new IOException("expected a JSON object");
    }
    return n;
  }

  static String abbreviate(String s) {
    String one = s.replace("\n", "\\n");
    return one.length() > 80 ? one.substring(0, 80) + "..." : one;
  }

  static int codePoints(String s) {
    return s.codePointCount(0, s.length());
  }
}
