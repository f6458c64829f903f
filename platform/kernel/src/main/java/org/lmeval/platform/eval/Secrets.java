package org.lmeval.platform.eval;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Keeps secrets given as model args (API keys, tokens, auth headers) out of everything a run reports. */
public final class Secrets {
  /** Name parts (split at _ . -) that mark a secret wherever they stand. */
  private static final Set<String> SECRET_WORDS = Set.of("apikey", "secret", "secrets", "password", "passwd",
      "passphrase", "credential", "credentials", "authorization", "auth", "cookie", "pwd", "header", "headers");
  /** A "token" or "key" part right after one of these is a credential (hf_token, access_key, ...). */
  private static final Set<String> TOKEN_OWNERS = Set.of("hf", "access", "auth", "bearer", "api", "refresh",
      "session", "id", "github", "openai", "anthropic", "private", "secret", "security", "oauth");

  /** What a redacted value is written as. */
  public static final String REDACTED = "<redacted>";

  private Secrets() {}

  /**
   * Whether a model arg holds a secret, written as {@value #REDACTED} in everything a run reports and left
   * out of cache keys: {@code api_key}, {@code header}, {@code token}, {@code hf_token}, {@code access_token}, {@code password}, {@code secret},
   * {@code client_secret}, ... but not {@code add_bos_token}, {@code max_tokens} or {@code tokenizer}.
   */
  public static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    if (k.equals("token") || k.equals("key") || k.contains("api_key") || k.contains("api-key")) {
      return true;
    }
    String[] words = k.split("[_.\\-]");
    for (String w : words) {
      if (SECRET_WORDS.contains(w)) {
        return true;
      }
    }
    for (int i = 1; i < words.length; i++) {
      if ((words[i].equals("token") || words[i].equals("key")) && TOKEN_OWNERS.contains(words[i - 1])) {
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
