package org.lmeval.platform.hub;

import java.nio.file.Path;
import org.lmeval.api.Options;

/**
 * How to reach the Hub, from the option map the CLI fills from the environment ({@code EvalSettings}'s
 * {@code datasetOptions} / {@code modelHubOptions}): {@code endpoint} ({@code HF_ENDPOINT}, default
 * {@code https://huggingface.co}), {@code token} ({@code HF_TOKEN}; never logged), {@code offline}
 * ({@code HF_HUB_OFFLINE}), {@code cache_dir} (the hub cache, {@code HF_HUB_CACHE}; default
 * {@code ~/.cache/huggingface/hub}).
 */
public record HubSettings(String endpoint, String token, boolean offline, Path cacheDir) {
  public static final String DEFAULT_ENDPOINT = "https://huggingface.co";

  /** From an option map ({@code endpoint}, {@code token}, {@code offline}, {@code cache_dir}; all optional). */
  public static HubSettings of(java.util.Map<String, Object> options) {
    return of(Options.of("hub setting", options));
  }

  /** From options ({@code endpoint}, {@code token}, {@code offline}, {@code cache_dir}; all optional). */
  public static HubSettings of(Options settings) {
    String endpoint = settings.string("endpoint").filter(s -> !s.isBlank()).orElse(DEFAULT_ENDPOINT);
    while (endpoint.endsWith("/")) {
      endpoint = endpoint.substring(0, endpoint.length() - 1);
    }
    String token = settings.string("token").map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    boolean offline = settings.value("offline").map(HubSettings::truthy).orElse(false);
    Path cache = settings.string("cache_dir").filter(s -> !s.isBlank()).map(Path::of)
        .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "huggingface", "hub"));
    return new HubSettings(endpoint, token, offline, cache.toAbsolutePath());
  }

  /** {@code 1}, {@code ON}, {@code YES}, {@code TRUE} (any case), as the Hub libraries read flags. */
  public static boolean truthy(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    String s = String.valueOf(v).strip().toUpperCase(java.util.Locale.ROOT);
    return s.equals("1") || s.equals("ON") || s.equals("YES") || s.equals("TRUE");
  }

  /** The same settings with offline mode on. */
  public HubSettings offlineCopy() {
    return new HubSettings(endpoint, token, true, cacheDir);
  }

  @Override
  public String toString() {
    return "HubSettings[endpoint=" + endpoint + ", token=" + (token == null ? "none" : "<hidden>") + ", offline="
        + offline + ", cacheDir=" + cacheDir + "]";
  }
}
