package org.lmeval.platform.eval;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Keeps secrets given as model args (API keys, tokens, auth headers) out of everything a run reports. */
public final class Secrets {
  /** Name parts (split at _ - .) that mark a secret: api_key, secret_key, password, headers, ... */
  private static final Set<String> SECRET_PARTS = Set.of("key", "apikey", "secret", "password", "passwd",
      "authorization", "auth", "credential", "credentials", "header", "headers", "cookie", "bearer");
  /** Token args that are credentials (unlike add_bos_token or max_tokens, which are not). */
  private static final Pattern SECRET_TOKEN = Pattern.compile("(?i)(|auth_|api_|access_|hf_|bearer_|bearer)token");

  /** What a redacted value is written as. */
  public static final String REDACTED = "<redacted>";

  private Secrets() {}

  /** Whether a model arg of this name holds a secret. */
  public static boolean isSecret(String key) {
    if (SECRET_TOKEN.matcher(key).matches()) {
      return true;
    }
    for (String part : key.toLowerCase(Locale.ROOT).split("[_.-]")) {
      if (SECRET_PARTS.contains(part)) {
        return true;
      }
    }
    return false;
  }

  /** A copy of {@code args}, in order, with every secret value replaced by {@value #REDACTED}. */
  public static Map<String, Object> redact(Map<String, Object> args) {
    Map<String, Object> out = new LinkedHashMap<>();
    args.forEach((k, v) -> out.put(k, isSecret(k) && v != null ? REDACTED : v));
    return out;
  }
}
