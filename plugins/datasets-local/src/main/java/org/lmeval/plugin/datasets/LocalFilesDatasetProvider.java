package org.lmeval.plugin.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.dataset.DatasetProvider;
import org.lmeval.api.dataset.DatasetRequest;

/**
 * Hugging Face {@code datasets}' generic loaders over local files: {@code dataset_path} {@code json},
 * {@code csv}, {@code parquet} or {@code text} with {@code dataset_kwargs.data_files} (and optional {@code data_dir}; for
 * json also {@code field}; for csv also {@code sep}/{@code delimiter}). Other dataset paths are not handled.
 */
public final class LocalFilesDatasetProvider implements DatasetProvider {
  @Override
  public String name() {
    return "local-files";
  }

  @Override
  public int priority() {
    return 100;
  }

  @Override
  public Optional<List<Map<String, Object>>> load(DatasetRequest request) {
    String kind = request.path();
    if (!List.of("json", "csv", "text", "parquet").contains(kind)) {
      return Optional.empty();
    }
    String what = "dataset '" + kind + "' split '" + request.split() + "'";
    Map<String, List<String>> splits = DataFiles.splits(request.kwargs().get("data_files"), what);
    List<String> files = splits.get(request.split());
    if (files == null) {
      throw new EvalException(ErrorCode.INVALID_TASK, what + ": dataset_kwargs.data_files has no split '"
          + request.split() + "' (it has " + String.join(", ", splits.keySet()) + ")");
    }
    Object dataDir = request.kwargs().get("data_dir");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Path f : DataFiles.resolve(files, dataDir == null ? null : String.valueOf(dataDir), what)) {
      rows.addAll(switch (kind) {
        case "json" -> JsonFiles.read(f, request.kwargs().get("field") == null ? null
            : String.valueOf(request.kwargs().get("field")));
        case "csv" -> CsvFiles.read(f, separator(request.kwargs()));
        case "parquet" -> ParquetFiles.read(f);
        default -> TextFiles.read(f);
      });
    }
    return Optional.of(Records.asTable(rows));
  }

  private static char separator(Map<String, Object> kwargs) {
    Object sep = kwargs.containsKey("sep") ? kwargs.get("sep") : kwargs.get("delimiter");
    if (sep == null) {
      return ',';
    }
    String s = String.valueOf(sep);
    if (s.length() != 1) {
      throw new EvalException(ErrorCode.INVALID_TASK, "csv separator must be one character, got '" + s + "'");
    }
    return s.charAt(0);
  }
}
