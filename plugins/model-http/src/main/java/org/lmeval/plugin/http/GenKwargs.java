package org.lmeval.plugin.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmeval.api.model.GenerationParams;

/**
 * A request's {@code generation_kwargs} as lm-eval's API models read them: {@code max_tokens} (if given), else
 * {@code max_gen_toks}, else the model's default; {@code temperature} (default 0); {@code until}; every other key
 * passed through to the payload as is ({@code do_sample} is dropped).
 */
record GenKwargs(Object maxTokens, boolean maxTokensGiven, Object maxGenToks, Object temperature,
    List<String> until, Map<String, Object> rest, boolean sampled) {

  static GenKwargs of(GenerationParams p, int defaultMaxGenToks) {
    Map<String, Object> rest = new LinkedHashMap<>(p.extra());
    rest.remove("do_sample");
    boolean given = rest.containsKey("max_tokens");
    Object maxTokens = given ? rest.remove("max_tokens") : null;
    Object maxGen = p.maxGenToks().isPresent() ? (Object) p.maxGenToks().getAsInt() : defaultMaxGenToks;
    Object temperature = p.temperature().isPresent() ? (Object) p.temperature().getAsDouble() : 0;
    boolean sampled = p.doSample() || (p.temperature().isPresent() && p.temperature().getAsDouble() > 0);
    return new GenKwargs(maxTokens, given, maxGen, temperature, new ArrayList<>(p.until()), rest, sampled);
  }

  /** {@code max_tokens} if given, else {@code max_gen_toks}. */
  Object maxTokensOrGenToks() {
    return maxTokensGiven ? maxTokens : maxGenToks;
  }

  /** lm-eval's {@code handle_stop_sequences}: {@code until} plus the EOS text if known and not already there. */
  List<String> stop(String eos) {
    List<String> stop = new ArrayList<>(until);
    if (eos != null && !stop.contains(eos)) {
      stop.add(eos);
    }
    return stop;
  }

  /** The {@code max_gen_toks} used for context truncation (lm-eval ignores {@code max_tokens} there). */
  int truncationGenToks() {
    return maxGenToks instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(maxGenToks));
  }
}
