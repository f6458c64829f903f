package org.lmeval.plugin.datasets;

import java.nio.file.Path;
import org.lmeval.api.Options;

/**
 * The Hub settings the kernel passes in {@code DatasetRequest.settings()} (the CLI fills them from the
 * environment), read here only to word messages (the kernel's {@code DatasetRequest.hub()} does the requests): {@code endpoint} ({@code HF_ENDPOINT}, default {@code https://huggingface.co}),
 * {@code token} ({@code HF_TOKEN}; never logged), {@code offline} ({@code HF_HUB_OFFLINE}),
 * {@code cache_dir} (the hub cache, {@code HF_HUB_CACHE}; default {@code ~/.cache/huggingface/hub}).
 */
record HubSettings(String endpoint, String token, boolean offline, Path cacheDir) {
  static final String DEFAULT_ENDPOINT = "https://huggingface.co";

  static HubSettings of(Options settings) {
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
  static boolean truthy(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    String s = String.valueOf(v).strip().toUpperCase(java.util.Locale.ROOT);
    return s.equals("1") || s.equals("ON") || s.equals("YES") || s.equals("TRUE");
  }

  @Override
  public String toString() {
    return "HubSettings[endpoint=" + endpoint + ", token=" + (token == null ? "none" : "<hidden>") + ", offline="
        + offline + ", cacheDir=" + cacheDir + "]";
  }
}
