package org.lmeval.api.dataset;

import java.util.Map;
import java.util.Objects;
import org.lmeval.api.Options;

/**
 * One split to load: lm-eval's {@code dataset_path}, {@code dataset_name} (null for the default config),
 * {@code dataset_kwargs} (e.g. {@code data_files}, {@code revision}), the split, the run's settings
 * ({@code dataset_dir} mirror, {@code offline}, {@code cache_dir}, {@code endpoint}; a {@code token} is there
 * too but providers should leave the Hub to {@code hub}), and the Hugging Face Hub's dataset repos through the
 * kernel's cache ({@code hub}).
 */
public record DatasetRequest(
    String path, String name, String split, Map<String, Object> kwargs, Options settings, HubDatasets hub) {
  private static final HubDatasets NO_HUB = HubDatasets.unavailable("this request carries no Hub access");

  public DatasetRequest {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(split, "split");
    kwargs = kwargs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kwargs));
    settings = settings == null ? Options.empty() : settings;
    hub = hub == null ? NO_HUB : hub;
  }

  /** A request without Hub access ({@link #hub()} fails with {@link HubFailure.Kind#UNAVAILABLE}). */
  public DatasetRequest(String path, String name, String split, Map<String, Object> kwargs, Options settings) {
    this(path, name, split, kwargs, settings, null);
  }
}
