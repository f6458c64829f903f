package org.lmeval.platform.plugin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.platform.util.Suggestions;

/**
 * Components of one kind by name. Duplicate names are fatal and name both origins; unknown names get
 * suggestions and the list of plugins that failed to load.
 *
 * @param <T> the component type
 */
public final class Registry<T> {
  private final String kind;
  private final Map<String, T> byName = new LinkedHashMap<>();
  private final Map<String, Origin> origins = new LinkedHashMap<>();
  private final Supplier<List<String>> failedPlugins;
  private boolean frozen;

  /**
   * @param kind what the components are, for messages: "model", "metric", "filter", ...
   * @param failedPlugins describes plugins that failed to load, appended to unknown-name errors
   */
  public Registry(String kind, Supplier<List<String>> failedPlugins) {
    this.kind = kind;
    this.failedPlugins = failedPlugins;
  }

  public String kind() {
    return kind;
  }

  /** Registers a component; a name registered twice is a {@code PLUGIN_LOAD_FAILED} naming both origins. */
  public synchronized void register(String name, T component, Origin origin) {
    checkRegistrable(name, origin);
    byName.put(name, component);
    origins.put(name, origin);
  }

  /**
   * Throws what {@link #register} would throw for this name, without registering anything: lets a plugin be
   * installed all or nothing.
   */
  public synchronized void checkRegistrable(String name, Origin origin) {
    if (frozen) {
      throw new IllegalStateException("the " + kind + " registry is frozen; cannot register '" + name + "'");
    }
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.+-]*")) {
      throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, kind + " name '" + name + "' from " + origin
          + " is not valid: names match [A-Za-z0-9][A-Za-z0-9_.+-]*");
    }
    Origin existing = origins.get(name);
    if (existing != null) {
      throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "duplicate " + kind + " name '" + name
          + "': registered by " + existing + " and by " + origin);
    }
  }

  /** Closes the registry; later registrations fail. */
  public synchronized void freeze() {
    frozen = true;
  }

  public synchronized Optional<T> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The component, or {@code UNKNOWN_COMPONENT} with suggestions and the plugins that failed to load. */
  public synchronized T get(String name) {
    T component = byName.get(name);
    if (component == null) {
      StringBuilder msg = new StringBuilder("unknown " + kind + " '" + name + "'")
          .append(Suggestions.didYouMean(name, byName.keySet()));
      List<String> failed = failedPlugins.get();
      if (!failed.isEmpty()) {
        msg.append(" (plugins that failed to load: ").append(String.join("; ", failed)).append(")");
      }
      throw new EvalException(ErrorCode.UNKNOWN_COMPONENT, msg.toString());
    }
    return component;
  }

  public synchronized SortedSet<String> names() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(byName.keySet()));
  }

  /** The origin of a registered name. */
  public synchronized Optional<Origin> origin(String name) {
    return Optional.ofNullable(origins.get(name));
  }
}
