package org.lmeval.plugin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;
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
   * batch before handing over the next, so the connections drain at each batch end (about half a round lost, plus
   * the next batch's preparation); 32 rounds per batch keep that under a few percent (8 lost 6 % at 256).
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
