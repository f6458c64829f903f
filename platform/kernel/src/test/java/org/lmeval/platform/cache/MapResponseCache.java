package org.lmeval.platform.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmeval.api.cache.ResponseCache;

/** An in-memory response cache that records every call, for the wrapper's tests. */
final class MapResponseCache implements ResponseCache {
  final Map<String, Map<String, String>> data = new HashMap<>();
  final Map<String, String> labels = new HashMap<>();
  final List<String> calls = new ArrayList<>();

  @Override
  public Map<String, String> getAll(String namespace, Collection<String> keys) {
    calls.add("getAll " + keys.size());
    Map<String, String> ns = data.getOrDefault(namespace, Map.of());
    Map<String, String> found = new LinkedHashMap<>();
    for (String k : keys) {
      if (ns.containsKey(k)) {
        found.put(k, ns.get(k));
      }
    }
    return found;
  }

  @Override
  public void putAll(String namespace, Map<String, String> entries) {
    putAll(namespace, entries, Map.of());
  }

  @Override
  public void putAll(String namespace, Map<String, String> entries, Map<String, String> labelOf) {
    calls.add("putAll " + entries.size());
    Map<String, String> ns = data.computeIfAbsent(namespace, k -> new HashMap<>());
    entries.forEach(ns::putIfAbsent);
    labels.putAll(labelOf);
  }

  int size() {
    return data.values().stream().mapToInt(Map::size).sum();
  }

  @Override
  public void close() {}
}
