package org.lmeval.api.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the run gives a backend besides its model args. Plugins never read the process environment
 * themselves (architecture B1.8): a backend names the variables it reads in
 * {@link ModelBackend#environmentVariables()}, and the kernel passes the ones that are set here. Model files
 * on the Hugging Face Hub come through {@link #hub()}, which the kernel configures (endpoint, token, offline
 * mode, cache folder) so that backends never handle Hub credentials.
 *
 * @param environment the declared environment variables that are set, by name (values may be secrets:
 *     never log them)
 * @param hub the Hugging Face Hub's model repos, through the shared hub cache
 */
public record ModelContext(Map<String, String> environment, HubSnapshots hub) {
  private static final HubSnapshots NO_HUB = HubSnapshots.unavailable("this run gave the backend no Hub access");

  public ModelContext {
    environment = environment == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(environment));
    hub = hub == null ? NO_HUB : hub;
  }

  /** An environment and no Hub access ({@link #hub()} fails clearly). */
  public ModelContext(Map<String, String> environment) {
    this(environment, null);
  }

  /** No environment, no Hub access. */
  public static ModelContext empty() {
    return new ModelContext(Map.of(), null);
  }

  /** The value of environment variable {@code name}, or null when it is not set (or was not declared). */
  public String getenv(String name) {
    return environment.get(name);
  }

  @Override
  public String toString() {
    return "ModelContext[environment=" + environment.keySet() + "]";
  }
}
