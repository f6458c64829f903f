package org.lmeval.platform.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.cache.ResponseCache;
import org.lmeval.api.cache.ResponseCacheFactory;
import org.lmeval.api.cache.ResponseCacheServer;
import org.lmeval.platform.plugin.PluginRegistry;

/**
 * Opens the response cache a {@code --use_cache} location names, through the registered response cache
 * {@value #KIND} (plugin {@code cache-h2}). Opening checks the cache completely (file, format, schema version),
 * so a run never starts with a cache it cannot use.
 */
public final class ResponseCaches {
  /** The response cache factory used for every location. */
  public static final String KIND = "h2";

  private ResponseCaches() {}

  /**
   * The cache at {@code location}, created if absent; null when {@code location} is null (no {@code --use_cache}).
   *
   * @throws EvalException {@code CACHE_FAILURE} with one line naming the location and the problem
   */
  public static ResponseCache open(PluginRegistry registry, String location) {
    if (location == null) {
      return null;
    }
    return open(registry, location, true);
  }

  /**
   * The cache at {@code location}; with {@code create} false, a location that holds no cache is a
   * {@code CACHE_FAILURE} (for {@code lm-eval cache stats} and the other commands).
   */
  public static ResponseCache open(PluginRegistry registry, String location, boolean create) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("location", location);
    if (!create) {
      options.put("create", false);
    }
    return factory(registry).open(Options.of("cache option", options));
  }

  /** Starts a cache server ({@code lm-eval cache serve}) with the given options ({@code port}, ...). */
  public static ResponseCacheServer serve(PluginRegistry registry, Map<String, Object> options) {
    return factory(registry).serve(Options.of("cache serve option", options));
  }

  private static ResponseCacheFactory factory(PluginRegistry registry) {
    return registry.responseCaches().find(KIND).orElseThrow(() -> new EvalException(ErrorCode.CACHE_FAILURE,
        "--use_cache and `lm-eval cache` need the response cache '" + KIND + "' (plugin cache-h2), which is not "
            + "installed" + (registry.responseCaches().names().isEmpty() ? ""
                : " (installed response caches: " + String.join(", ", registry.responseCaches().names()) + ")")
            + "; put lmeval-plugin-cache-h2 in the plugins folder"));
  }
}
