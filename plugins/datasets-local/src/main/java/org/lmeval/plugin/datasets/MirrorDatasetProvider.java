package org.lmeval.plugin.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.dataset.DatasetProvider;
import org.lmeval.api.dataset.DatasetRequest;

/**
 * The offline mirror in Hugging Face layout: with the setting {@code dataset_dir} (from
 * {@code --dataset_dir} or {@code LMEVAL_DATASETS}), {@code (dataset_path, dataset_name, split)} reads
 * {@code <dataset_dir>/<dataset_path>/<dataset_name or "default">/<split>.jsonl}. A dataset whose folder is
 * not in the mirror is left to other providers; a missing config or split of a mirrored dataset is an error
 * that lists what the mirror has.
 */
public final class MirrorDatasetProvider implements DatasetProvider {
  @Override
  public String name() {
    return "dataset-dir";
  }

  @Override
  public int priority() {
    return 50;
  }

  @Override
  public Optional<List<Map<String, Object>>> load(DatasetRequest request) {
    Optional<String> dir = request.settings().string("dataset_dir");
    if (dir.isEmpty() || dir.get().isBlank()) {
      return Optional.empty();
    }
    Path root = Path.of(dir.get());
    Path dataset = root.resolve(request.path()).normalize();
    if (!dataset.startsWith(root.normalize()) || !Files.isDirectory(dataset)) {
      return Optional.empty();
    }
    String config = request.name() == null ? "default" : request.name();
    Path configDir = dataset.resolve(config);
    if (!Files.isDirectory(configDir)) {
      throw new EvalException(ErrorCode.INVALID_TASK, "the dataset mirror " + root + " has " + request.path()
          + " but not its config '" + config + "' (has: " + list(dataset, false) + ")");
    }
    Path file = configDir.resolve(request.split() + ".jsonl");
    if (!Files.isRegularFile(file)) {
      throw new EvalException(ErrorCode.INVALID_TASK, "the dataset mirror has no split '" + request.split() + "' of "
          + request.path() + " (" + config + "): " + file + " does not exist (splits there: " + list(configDir, true)
          + ")");
    }
    return Optional.of(Records.asTable(JsonFiles.read(file, null)));
  }

  private static String list(Path dir, boolean files) {
    try (Stream<Path> s = Files.list(dir)) {
      List<String> names = s.filter(p -> files ? p.toString().endsWith(".jsonl") : Files.isDirectory(p))
          .map(p -> files ? p.getFileName().toString().replace(".jsonl", "") : p.getFileName().toString())
          .sorted().toList();
      return names.isEmpty() ? "nothing" : String.join(", ", names);
    } catch (IOException e) {
      return "unreadable";
    }
  }
}
