package org.lmeval.api.dataset;

import java.util.Map;
import java.util.Objects;
import org.lmeval.api.Options;

/**
 * One split to load: lm-eval's {@code dataset_path}, {@code dataset_name} (null for the default config),
 * {@code dataset_kwargs} (e.g. {@code data_files}, {@code revision}), the split, and the run's settings
 * ({@code dataset_dir} mirror, {@code offline}, {@code cache_dir}, {@code token}).
 */
public record DatasetRequest(
    String path, String name, String split, Map<String, Object> kwargs, Options settings) {
  public DatasetRequest {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(split, "split");
    kwargs = kwargs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kwargs));
    settings = settings == null ? Options.empty() : settings;
  }
}
