package org.lmeval.api.dataset;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the documents of one dataset split: local files ({@code json}, {@code csv}, {@code parquet}, ...),
 * an offline mirror, the Hugging Face Hub. The kernel asks providers in priority order; the first that
 * answers wins.
 */
public interface DatasetProvider {
  String name();

  /** Higher asks first. */
  default int priority() {
    return 0;
  }

  /**
   * The split's records in dataset order, or empty if this provider does not handle the request (a
   * different {@code dataset_path} kind). A request it handles but cannot serve (file missing, offline
   * and not cached, malformed record) MUST throw {@code EvalException(INVALID_TASK)} naming the file and
   * line or the dataset and split.
   */
  Optional<List<Map<String, Object>>> load(DatasetRequest request);
}
