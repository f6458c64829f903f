package org.lmeval.platform.task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.dataset.DatasetProvider;
import org.lmeval.api.dataset.DatasetRequest;
import org.lmeval.api.dataset.HubDatasets;
import org.lmeval.platform.hub.HubDatasetRepos;
import org.lmeval.platform.hub.HubSettings;
import org.lmeval.platform.progress.Progress;

/**
 * Loads dataset splits through the registered {@link DatasetProvider}s (highest priority first; the first
 * that answers wins), once per split: tasks ask only for the splits a run needs, when it needs them.
 */
public final class DatasetAccess {
  private final List<DatasetProvider> providers;
  private final Options settings;
  private final HubDatasets hub;
  private final Map<Key, List<Map<String, Object>>> loaded = new ConcurrentHashMap<>();

  private record Key(String path, String name, String split, Map<String, Object> kwargs) {}

  /**
   * @param providers the providers in priority order
   * @param settings the run's dataset settings ({@code dataset_dir}, and the Hub's {@code endpoint},
   *     {@code token}, {@code offline}, {@code cache_dir}, which also configure the requests' {@code hub()})
   */
  public DatasetAccess(List<DatasetProvider> providers, Options settings) {
    this(providers, settings, Progress.none());
  }

  /** As {@link #DatasetAccess(List, Options)}, Hub downloads showing their bars on {@code progress}. */
  public DatasetAccess(List<DatasetProvider> providers, Options settings, Progress progress) {
    this.providers = List.copyOf(providers);
    this.settings = settings;
    this.hub = new HubDatasetRepos(HubSettings.of(Options.of("dataset setting", settings.asMap())), progress);
  }

  /**
   * The records of one split, in dataset order.
   *
   * @param forTask the task that needs it, for messages
   */
  public List<Map<String, Object>> split(String path, String name, String split, Map<String, Object> kwargs,
      String forTask) {
    Key key = new Key(path, name, split, kwargs == null ? Map.of() : kwargs);
    List<Map<String, Object>> docs = loaded.get(key);
    if (docs != null) {
      return docs;
    }
    synchronized (this) {
      docs = loaded.get(key);
      if (docs == null) {
        docs = load(key, forTask);
        loaded.put(key, docs);
      }
    }
    return docs;
  }

  private List<Map<String, Object>> load(Key key, String forTask) {
    DatasetRequest request = new DatasetRequest(key.path(), key.name(), key.split(), key.kwargs(), settings, hub);
    List<String> asked = new ArrayList<>();
    for (DatasetProvider p : providers) {
      asked.add(p.name());
      Optional<List<Map<String, Object>>> docs = p.load(request);
      if (docs.isPresent()) {
        return Collections.unmodifiableList(new ArrayList<>(docs.get()));
      }
    }
    String what = key.path() + (key.name() == null ? "" : " (" + key.name() + ")") + " split '" + key.split() + "'";
    throw new EvalException(ErrorCode.INVALID_TASK, "task '" + forTask + "': no dataset provider can load " + what
        + (asked.isEmpty() ? "; no dataset provider is installed (add the datasets-local plugin)"
            : "; asked " + String.join(", ", asked)
                + ". For offline copies in Hugging Face layout set --dataset_dir or LMEVAL_DATASETS"));
  }
}
