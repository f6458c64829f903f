package org.lmeval.api.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * lm-eval's {@code generation_kwargs}, parsed: {@code until} (stop sequences), {@code max_gen_toks},
 * {@code do_sample}, {@code temperature}; every other key stays in {@code extra} (e.g. {@code top_p}),
 * in the order given.
 */
public record GenerationParams(
    List<String> until,
    OptionalInt maxGenToks,
    boolean doSample,
    OptionalDouble temperature,
    Map<String, Object> extra) {

  public GenerationParams {
    until = List.copyOf(until);
    Objects.requireNonNull(maxGenToks, "maxGenToks");
    Objects.requireNonNull(temperature, "temperature");
    extra = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
  }

  /** Greedy decoding with the given stop sequences and the model's default token limit. */
  public static GenerationParams greedy(List<String> until) {
    return new GenerationParams(until, OptionalInt.empty(), false, OptionalDouble.empty(), Map.of());
  }
}
