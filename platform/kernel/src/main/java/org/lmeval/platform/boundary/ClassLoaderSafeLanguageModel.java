package org.lmeval.platform.boundary;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

/**
 * An opened model behind the boundary. Each call sets the plugin's TCCL, translates failures ("model backend
 * 'x' (plugin p 1.0) failed on a loglikelihood batch of 32: ..."), refuses request types the model does not
 * support before calling it, and validates the results with {@link ResultValidator}. An empty batch returns an
 * empty list without calling the model. A batch that fails with a {@link PartialResultsException} fails with one
 * again (its message prefixed as any plugin failure's), its results checked like a full batch's.
 */
public final class ClassLoaderSafeLanguageModel implements LanguageModel {
  private final LanguageModel delegate;
  private final String backendName;
  private final Boundary boundary;
  private final String component;
  private volatile Set<RequestType> supported;

  public ClassLoaderSafeLanguageModel(LanguageModel delegate, String backendName, Boundary boundary) {
    this.delegate = delegate;
    this.backendName = backendName;
    this.boundary = boundary;
    this.component = "model backend '" + backendName + "'";
  }

  @Override
  public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
    if (batch.isEmpty()) {
      return List.of();
    }
    requireSupported(RequestType.LOGLIKELIHOOD);
    List<LoglikelihoodRequest> requests = List.copyOf(batch);
    List<LoglikelihoodResult> results;
    try {
      results = boundary.call(component, "a loglikelihood batch of " + requests.size(), ErrorCode.BACKEND_FAILURE,
          () -> delegate.loglikelihood(requests));
    } catch (PartialResultsException partial) {
      throw ResultValidator.partialLoglikelihood(boundary, component, requests, partial);
    }
    return ResultValidator.loglikelihood(boundary, component, requests, results);
  }

  @Override
  public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
    if (batch.isEmpty()) {
      return List.of();
    }
    requireSupported(RequestType.LOGLIKELIHOOD_ROLLING);
    List<RollingRequest> requests = List.copyOf(batch);
    List<RollingResult> results;
    try {
      results = boundary.call(component, "a loglikelihood_rolling batch of " + requests.size(),
          ErrorCode.BACKEND_FAILURE, () -> delegate.loglikelihoodRolling(requests));
    } catch (PartialResultsException partial) {
      throw ResultValidator.partialRolling(boundary, component, requests, partial);
    }
    return ResultValidator.rolling(boundary, component, requests, results);
  }

  @Override
  public List<String> generateUntil(List<GenerationRequest> batch) {
    if (batch.isEmpty()) {
      return List.of();
    }
    requireSupported(RequestType.GENERATE_UNTIL);
    List<GenerationRequest> requests = List.copyOf(batch);
    List<String> results;
    try {
      results = boundary.call(component, "a generate_until batch of " + requests.size(), ErrorCode.BACKEND_FAILURE,
          () -> delegate.generateUntil(requests));
    } catch (PartialResultsException partial) {
      throw ResultValidator.partialGenerations(boundary, component, requests.size(), partial);
    }
    return ResultValidator.generations(boundary, component, requests.size(), results);
  }

  @Override
  public Set<RequestType> supportedRequests() {
    Set<RequestType> s = supported;
    if (s == null) {
      s = Collections.unmodifiableSet(boundary.call(component, "supportedRequests()", ErrorCode.BACKEND_FAILURE,
          () -> {
            EnumSet<RequestType> copy = EnumSet.noneOf(RequestType.class);
            copy.addAll(delegate.supportedRequests());
            return copy;
          }));
      supported = s;
    }
    return s;
  }

  @Override
  public int preferredBatchSize() {
    int size = boundary.call(component, "preferredBatchSize()", ErrorCode.BACKEND_FAILURE,
        delegate::preferredBatchSize);
    if (size < 1) {
      throw boundary.invalidResult(component, "preferredBatchSize()", ErrorCode.BACKEND_FAILURE,
          "batch size " + size + "; it MUST be at least 1");
    }
    return size;
  }

  @Override
  public String modelName() {
    String name = boundary.call(component, "modelName()", ErrorCode.BACKEND_FAILURE, delegate::modelName);
    return name == null ? "" : name;
  }

  @Override
  public String fingerprint() {
    String fingerprint = boundary.call(component, "fingerprint()", ErrorCode.BACKEND_FAILURE, delegate::fingerprint);
    return fingerprint == null ? "" : fingerprint;
  }

  @Override
  public Optional<String> chatTemplate(String name) {
    Optional<String> t = boundary.call(component, "chatTemplate(" + name + ")", ErrorCode.BACKEND_FAILURE,
        () -> delegate.chatTemplate(name));
    return t == null ? Optional.empty() : t;
  }

  @Override
  public Map<String, String> specialTokens() {
    Map<String, String> m = boundary.call(component, "specialTokens()", ErrorCode.BACKEND_FAILURE,
        delegate::specialTokens);
    return m == null ? Map.of() : m;
  }

  @Override
  public Optional<String> applyChatTemplate(List<Map<String, String>> messages, boolean addGenerationPrompt) {
    Optional<String> r = boundary.call(component, "applyChatTemplate of " + messages.size() + " messages",
        ErrorCode.BACKEND_FAILURE, () -> delegate.applyChatTemplate(messages, addGenerationPrompt));
    return r == null ? Optional.empty() : r;
  }

  @Override
  public void close() {
    boundary.run(component, "close()", ErrorCode.BACKEND_FAILURE, delegate::close);
  }

  /** The backend's registered name. */
  public String backendName() {
    return backendName;
  }

  private void requireSupported(RequestType type) {
    Set<RequestType> s = supportedRequests();
    if (!s.contains(type)) {
      throw new EvalException(ErrorCode.UNSUPPORTED_REQUEST, boundary.describe(component) + " does not support "
          + type.lmEvalName() + " requests; it supports: "
          + (s.isEmpty() ? "none" : s.stream().map(RequestType::lmEvalName).collect(Collectors.joining(", "))));
    }
  }

  @Override
  public String toString() {
    return boundary.describe(component);
  }
}
