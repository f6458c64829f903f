package org.lmeval.platform.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.lmeval.platform.python.PythonStr;

/** The line lm-eval's CLI prints before the tables (§7.5). */
public final class SummaryLine {
  private SummaryLine() {}

  /**
   * {@code f"{model} ({model_args}), gen_kwargs: ({gen_kwargs}), limit: {limit}, num_fewshot: {num_fewshot},
   * batch_size: {batch_size}{f' ({batch_sizes})' if batch_sizes else ''}"} with the model args' and
   * gen kwargs' Python repr ({@code trust_remote_code} removed from the model args, as the CLI does).
   *
   * @param limit the {@code --limit} value as the CLI holds it (a float), or null
   * @param batchSizes the detected batch sizes, joined with commas when present
   */
  public static String of(String model, Map<String, Object> modelArgs, Map<String, Object> genKwargs, Double limit,
      Integer numFewshot, Object batchSize, List<Object> batchSizes) {
    Map<String, Object> args = new LinkedHashMap<>(modelArgs == null ? Map.of() : modelArgs);
    args.remove("trust_remote_code");
    String sizes = batchSizes == null ? "" : batchSizes.stream().map(PythonStr::str).collect(Collectors.joining(","));
    return model + " (" + PythonStr.repr(args) + "), gen_kwargs: (" + PythonStr.repr(genKwargs == null ? Map.of()
        : genKwargs) + "), limit: " + PythonStr.str(limit) + ", num_fewshot: " + PythonStr.str(numFewshot)
        + ", batch_size: " + PythonStr.str(batchSize) + (sizes.isEmpty() ? "" : " (" + sizes + ")");
  }
}
