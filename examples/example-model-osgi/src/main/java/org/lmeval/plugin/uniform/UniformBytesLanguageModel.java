package org.lmeval.plugin.uniform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;

/**
 * The opened {@code uniform-bytes} model. Every byte has probability 1/256 whatever the context, so:
 * <ul>
 *   <li>{@code loglikelihood}: {@code -(UTF-8 bytes of the continuation) * ln 256}; never greedy (no byte is
 *       more likely than another);</li>
 *   <li>{@code loglikelihood_rolling}: {@code -(UTF-8 bytes of the text) * ln 256};</li>
 *   <li>{@code generate_until}: the empty string (the model has no preferred next byte).</li>
 * </ul>
 */
public final class UniformBytesLanguageModel implements LanguageModel {
  /** ln 256: the surprise of one byte under the uniform distribution, in nats. */
  public static final double NATS_PER_BYTE = Math.log(256);

  @Override
  public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
    List<LoglikelihoodResult> out = new ArrayList<>(batch.size());
    for (LoglikelihoodRequest r : batch) {
      out.add(new LoglikelihoodResult(logprob(r.continuation()), false));
    }
    return out;
  }

  @Override
  public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
    List<RollingResult> out = new ArrayList<>(batch.size());
    for (RollingRequest r : batch) {
      out.add(new RollingResult(logprob(r.text())));
    }
    return out;
  }

  @Override
  public List<String> generateUntil(List<GenerationRequest> batch) {
    List<String> out = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      out.add("");
    }
    return out;
  }

  @Override
  public String modelName() {
    return UniformBytesModelBackend.NAME;
  }

  /** {@code -(UTF-8 bytes) * ln 256}; {@code -0.0} for the empty string. */
  static double logprob(String text) {
    return -text.getBytes(StandardCharsets.UTF_8).length * NATS_PER_BYTE;
  }
}
