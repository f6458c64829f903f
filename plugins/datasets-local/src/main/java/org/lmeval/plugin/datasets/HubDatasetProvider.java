package org.lmeval.plugin.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.dataset.DatasetProvider;
import org.lmeval.api.dataset.DatasetRequest;
import org.lmeval.api.dataset.HubDatasets;
import org.lmeval.api.dataset.HubFailure;

/**
 * Datasets from the Hugging Face Hub by repo id ({@code dataset_path}), config ({@code dataset_name}), split
 * and {@code dataset_kwargs.revision} (default {@code main}), as {@code datasets.load_dataset} resolves them:
 * the revision is pinned to a commit, the repo's own data files are read (parquet, json/jsonl, csv/tsv,
 * txt) per its card's {@code configs} or the default conventions; a repo that is a legacy script dataset
 * ({@code <name>.py} at the root) is read from its parquet conversion ({@code refs/convert/parquet}), as is any
 * request whose revision is that branch. The Hub itself (HTTP, the {@code huggingface_hub} cache shared with
 * Python, offline mode, the token) is the kernel's, reached through {@link DatasetRequest#hub()}; this class
 * decides which files a split needs and words failures for the task. Asked after the mirror and local files.
 *
 * <p>{@code dataset_kwargs.allow_partial: true} accepts a split the conversion has only partially converted.
 */
public final class HubDatasetProvider implements DatasetProvider {
  static final String PARQUET_BRANCH = "refs/convert/parquet";
  private static final Set<String> GENERIC = Set.of("json", "csv", "text", "parquet", "arrow", "pandas", "sql",
      "xml", "webdataset", "imagefolder", "audiofolder", "videofolder", "generator", "spark", "cache");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REPO_ID = Pattern.compile("[A-Za-z0-9][\\w.-]*(/[\\w.-]+)?");

  @Override
  public String name() {
    return "hf-hub";
  }

  @Override
  public int priority() {
    return 10;
  }

  @Override
  public Optional<List<Map<String, Object>>> load(DatasetRequest request) {
    String repo = request.path();
    if (GENERIC.contains(repo) || !REPO_ID.matcher(repo).matches() || repo.contains("--") || repo.contains("..")
        || Files.isDirectory(Path.of(repo))) {
      return Optional.empty();
    }
    Object rev = request.kwargs().get("revision");
    String revision = rev == null || String.valueOf(rev).isBlank() ? "main" : String.valueOf(rev);
    boolean allowPartial = truthy(request.kwargs().getOrDefault("allow_partial", false));
    Load load = new Load(repo, request.name(), request.split(), revision, allowPartial, request.hub());
    return Optional.of(Records.asTable(load.run()));
  }

  /** {@code 1}, {@code ON}, {@code YES}, {@code TRUE} (any case), as the Hub libraries read flags. */
  private static boolean truthy(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    String s = String.valueOf(v).strip().toUpperCase(java.util.Locale.ROOT);
    return s.equals("1") || s.equals("ON") || s.equals("YES") || s.equals("TRUE");
  }

  /** One request's resolution. */
  private static final class Load {
    private final String repo;
    private final String config;
    private final String split;
    private final String revision;
    private final boolean allowPartial;
    private final HubDatasets hub;
    private final String what;

    Load(String repo, String config, String split, String revision, boolean allowPartial, HubDatasets hub) {
      this.repo = repo;
      this.config = config;
      this.split = split;
      this.revision = revision;
      this.allowPartial = allowPartial;
      this.hub = hub;
      this.what = "Hugging Face dataset '" + repo + "'" + (config == null ? "" : " config '" + config + "'")
          + " split '" + split + "'" + (revision.equals("main") ? "" : " at revision '" + revision + "'");
    }

    List<Map<String, Object>> run() {
      boolean branchOnly = revision.equals(PARQUET_BRANCH);
      if (!branchOnly) {
        HubDatasets.Revision r = call(() -> hub.revision(repo, revision), revision);
        JsonNode card = call(() -> JSON.valueToTree(r.card()), revision);
        List<String> files = call(r::files, revision);
        String script = repo.substring(repo.lastIndexOf('/') + 1) + ".py";
        if (!files.contains(script)) {
          return read(r, HubDataFiles.splits(card, config, files, what));
        }
      }
      HubDatasets.Revision converted = call(() -> hub.revision(repo, PARQUET_BRANCH), PARQUET_BRANCH);
      List<String> files = call(converted::files, PARQUET_BRANCH);
      return read(converted, HubDataFiles.parquetBranch(files, config, allowPartial, what));
    }

    private List<Map<String, Object>> read(HubDatasets.Revision r, Map<String, List<String>> splits) {
      if (!splits.containsKey(split)) {
        List<String> names = new ArrayList<>();
        splits.forEach((k, v) -> names.add(v == null ? k + " (partial)" : k));
        throw new EvalException(ErrorCode.INVALID_TASK, what + ": no such split; available: "
            + (names.isEmpty() ? "none" : String.join(", ", names)));
      }
      List<String> files = splits.get(split);
      if (files == null) {
        throw new EvalException(ErrorCode.INVALID_TASK, what + ": the Hub's parquet conversion of this split is "
            + "partial (only its first ~5 GB were converted); set dataset_kwargs.allow_partial: true to use it anyway");
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      for (String f : files) {
        Path local = call(() -> r.file(f), r.commit());
        rows.addAll(readFile(local, f));
      }
      return rows;
    }

    private List<Map<String, Object>> readFile(Path local, String repoPath) {
      List<String> ext = HubDataFiles.extensions(repoPath);
      if (ext.contains("parquet")) {
        return ParquetFiles.read(local);
      }
      if (ext.contains("jsonl") || ext.contains("json")) {
        return JsonFiles.read(local, null);
      }
      if (ext.contains("csv") || ext.contains("tsv")) {
        return CsvFiles.read(local, ext.contains("tsv") ? '\t' : ',');
      }
      if (ext.contains("txt")) {
        return TextFiles.read(local);
      }
      throw new EvalException(ErrorCode.INVALID_TASK, what + ": data file " + repoPath + " has a format this reader "
          + "does not support (supported: " + String.join(", ", HubDataFiles.FORMATS) + ")");
    }

    /** {@code step} through the kernel's Hub, its failures worded for this dataset request. */
    private <T> T call(Supplier<T> step, String rev) {
      try {
        return step.get();
      } catch (HubFailure e) {
        throw translate(e, rev);
      }
    }

    private EvalException translate(HubFailure e, String rev) {
      switch (e.kind()) {
        case NOT_CACHED:
          Path repoDir = hub.cacheDir().resolve("datasets--" + repo.replace("/", "--"));
          return new EvalException(ErrorCode.INVALID_TASK, what + " is not available offline: " + e.getMessage()
              + " (" + repoDir + "). Offline mode is on (HF_HUB_OFFLINE); run once with the Hub reachable to cache "
              + "it, or point --dataset_dir at an offline copy, or use dataset_path: parquet/json with data_files", e);
        case UNREACHABLE:
          return new EvalException(ErrorCode.INVALID_TASK, what + ": cannot reach the Hugging Face Hub at "
              + hub.endpoint() + " (" + e.getMessage() + ") and it is not in the cache " + hub.cacheDir()
              + "; check the network or HF_ENDPOINT, run once where the Hub is reachable, or use "
              + "an offline copy (--dataset_dir, or dataset_path: parquet/json with data_files)", e);
        case UNAVAILABLE:
          return new EvalException(ErrorCode.INVALID_TASK, what + ": no Hugging Face Hub access here ("
              + e.getMessage() + "); use --dataset_dir or local data_files", e);
        default:
          break;
      }
      String code = e.errorCode() == null ? "" : e.errorCode();
      String page = hub.endpoint() + "/datasets/" + repo;
      String msg;
      if (code.equals("RevisionNotFound")) {
        msg = "revision '" + rev + "' does not exist in the dataset repo (check dataset_kwargs.revision)";
      } else if (code.equals("GatedRepo") && e.status() == 403) {
        msg = "the dataset is gated and this token has no access yet: ask for access at " + page;
      } else if (code.equals("GatedRepo") || e.status() == 401 && !hub.hasToken()) {
        msg = "the dataset doesn't exist on the Hub or cannot be accessed without a token (HTTP " + e.status()
            + "); if it is gated or private, set HF_TOKEN to a token with access";
      } else if (e.status() == 401 && e.serverMessage().contains("Invalid credentials")) {
        msg = "the Hub rejected the token (HF_TOKEN) as invalid or expired";
      } else if (e.status() == 401 || code.equals("RepoNotFound") || e.status() == 404
          && e.getMessage().contains("/revision/")) {
        msg = "the dataset doesn't exist on the Hub or cannot be accessed with this token (HTTP " + e.status()
            + "); check dataset_path";
      } else if (code.equals("EntryNotFound") || e.status() == 404) {
        msg = "a file listed by the Hub was not found (HTTP 404)";
      } else {
        msg = "the Hub request failed: " + e.getMessage();
      }
      return new EvalException(ErrorCode.INVALID_TASK, what + ": " + msg, e);
    }
  }
}
