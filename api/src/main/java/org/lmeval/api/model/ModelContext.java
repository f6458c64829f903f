package org.lmeval.api.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the run gives a backend besides its model args. Plugins never read the process environment
 * themselves (architecture B1.8): a backend names the variables it reads in
 * {@link ModelBackend#environmentVariables()}, and the kernel passes the ones that are set here.
 *
 * @param environment the declared environment variables that are set, by name (values may be secrets:
 *     never log them)
 */
public record ModelContext(Map<String, String> environment) {
  public ModelContext {
    environment = environment == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(environment));
  }

  /** No environment. */
  public static ModelContext empty() {
    return new ModelContext(Map.of());
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
