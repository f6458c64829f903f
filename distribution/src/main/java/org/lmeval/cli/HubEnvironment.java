package org.lmeval.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Hugging Face Hub settings dataset providers and model backends get, read from the environment as
 * {@code huggingface_hub} reads it (only the CLI reads the environment): {@code endpoint} ({@code HF_ENDPOINT}),
 * {@code token} ({@code HF_TOKEN}, {@code HUGGING_FACE_HUB_TOKEN}, or the token file), {@code offline}
 * (datasets: {@code HF_DATASETS_OFFLINE}, {@code HF_HUB_OFFLINE}; models: {@code HF_HUB_OFFLINE},
 * {@code TRANSFORMERS_OFFLINE}) and {@code cache_dir} ({@code HF_HUB_CACHE}, {@code $HF_HOME/hub},
 * {@code $XDG_CACHE_HOME/huggingface/hub}).
 */
final class HubEnvironment {
  private HubEnvironment() {}

  static Map<String, Object> datasetOptions(CliEnvironment env) {
    return options(env, env.getenv("HF_DATASETS_OFFLINE").or(() -> env.getenv("HF_HUB_OFFLINE")));
  }

  /**
   * The settings of {@code ModelContext.hub()}: offline when {@code HF_HUB_OFFLINE} or (transformers' own flag)
   * {@code TRANSFORMERS_OFFLINE} is set true, as transformers decides for {@code from_pretrained}.
   */
  static Map<String, Object> modelHubOptions(CliEnvironment env) {
    boolean offline = env.getenv("HF_HUB_OFFLINE").map(HubEnvironment::truthy).orElse(false)
        || env.getenv("TRANSFORMERS_OFFLINE").map(HubEnvironment::truthy).orElse(false);
    return options(env, offline ? Optional.of("1") : Optional.empty());
  }

  private static Map<String, Object> options(CliEnvironment env, Optional<String> offline) {
    Map<String, Object> options = new LinkedHashMap<>();
    env.getenv("HF_ENDPOINT").ifPresent(e -> options.put("endpoint", e));
    token(env).ifPresent(t -> options.put("token", t));
    offline.ifPresent(o -> options.put("offline", truthy(o)));
    options.put("cache_dir", cacheDir(env).toString());
    return options;
  }

  private static boolean truthy(String value) {
    return switch (value.trim().toUpperCase(Locale.ROOT)) {
      case "1", "ON", "YES", "TRUE" -> true;
      default -> false;
    };
  }

  private static Optional<String> token(CliEnvironment env) {
    Optional<String> direct = env.getenv("HF_TOKEN").or(() -> env.getenv("HUGGING_FACE_HUB_TOKEN"));
    if (direct.isPresent()) {
      return direct;
    }
    Path file = env.getenv("HF_TOKEN_PATH").map(env::resolve).orElse(hfHome(env).resolve("token"));
    try {
      if (Files.isRegularFile(file)) {
        String t = Files.readString(file, StandardCharsets.UTF_8).trim();
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
      }
    } catch (IOException e) {
      // an unreadable token file is the same as none; the Hub then answers 401 with a clear message
    }
    return Optional.empty();
  }

  private static Path cacheDir(CliEnvironment env) {
    return env.getenv("HF_HUB_CACHE").map(env::resolve).orElse(hfHome(env).resolve("hub"));
  }

  private static Path hfHome(CliEnvironment env) {
    return env.getenv("HF_HOME").map(env::resolve)
        .orElse(env.getenv("XDG_CACHE_HOME").map(env::resolve).orElse(env.userHome().resolve(".cache"))
            .resolve("huggingface"));
  }
}
