package org.lmeval.plugin.djl.hf;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.model.HubSnapshots;
import org.lmeval.api.model.ModelContext;

/**
 * The model args every Hugging Face-directory backend shares, named and defaulted as lm-eval's {@code hf}
 * model args (the backend reads its own extra args, e.g. {@code engine}, itself).
 *
 * @param pretrained the model as given (a local directory or a Hugging Face Hub repo id; used as
 *     {@code model_name})
 * @param modelDir the directory holding config and weights ({@code pretrained[/subfolder]}; for a repo id, in
 *     the hub cache's snapshot of {@code revision})
 * @param tokenizerDir the directory holding the tokenizer files ({@code tokenizer} arg, a directory or a repo id,
 *     else {@code modelDir})
 * @param addBosToken {@code add_bos_token} (empty: the tokenizer's default)
 * @param prefixTokenId {@code prefix_token_id}
 * @param maxLength {@code max_length} (empty: from config / tokenizer, else 2048)
 * @param maxGenToks {@code max_gen_toks} (default 256)
 * @param device the DJL device name ({@code cpu}, {@code gpu0}, ...)
 * @param batchSize {@code batch_size} and {@code max_batch_size}
 * @param truncation {@code truncation} (generation contexts truncated to the tokenizer's model_max_length)
 * @param logitsCache {@code logits_cache} (requests with the same input share one forward row)
 * @param seed {@code seed} for sampled generation (default 1234, lm-eval's torch seed)
 * @param transformersTokenizerPipeline {@code tokenizer_pipeline}: {@code transformers} (default) runs the
 *     pipeline transformers 5 builds for the tokenizer class, {@code file} runs tokenizer.json as written
 * @param thinkEndToken {@code think_end_token}: an Integer token id (digit strings become ids, as in lm-eval)
 *     or a String; generations keep only what follows its last occurrence
 */
public record HfModelArgs(
    String pretrained,
    Path modelDir,
    Path tokenizerDir,
    Optional<Boolean> addBosToken,
    OptionalInt prefixTokenId,
    OptionalInt maxLength,
    int maxGenToks,
    String device,
    BatchSize batchSize,
    boolean truncation,
    boolean logitsCache,
    long seed,
    boolean transformersTokenizerPipeline,
    Optional<Object> thinkEndToken) {

  /** Reads and checks every arg the backend accepts (the kernel rejects the others); local directories only. */
  public static HfModelArgs parse(Options args) {
    return parse(args, ModelContext.empty(), List.of());
  }

  /**
   * Reads and checks every arg the backend accepts (the kernel rejects the others). A {@code pretrained} or
   * {@code tokenizer} that is not a local directory but a Hub repo id ({@code org/name}) is fetched at
   * {@code revision} (default {@code main}) through {@code context.hub()}, as lm-eval's hf backend does:
   * config and tokenizer files, plus the first weight set of {@code weightAlternatives} the repo has.
   *
   * @param weightAlternatives the backend's weight files as glob lists relative to the model folder, in the
   *     order the backend prefers them
   */
  public static HfModelArgs parse(Options args, ModelContext context, List<List<String>> weightAlternatives) {
    String pretrained = args.requireString("pretrained");
    Optional<String> subfolder = args.string("subfolder");
    // a local directory has no revisions (transformers ignores it for local paths); a repo id is read at it
    String revision = args.string("revision").filter(r -> !r.isBlank()).orElse(null);
    args.bool("trust_remote_code"); // there is no Python code to trust: accepted for lm-eval compatibility
    if (!args.bool("use_fast_tokenizer", true)) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg 'use_fast_tokenizer=False' is not supported:"
          + " the backend runs the fast tokenizer (tokenizer.json) only");
    }
    String backend = args.string("backend", "default");
    if (!backend.equals("default") && !backend.equals("causal")) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg 'backend' must be 'default' or 'causal' (the"
          + " backend runs causal language models only), got '" + backend + "'");
    }
    Optional<String> tokenizer = args.string("tokenizer");
    Optional<Boolean> addBos = args.bool("add_bos_token");
    OptionalInt prefix = args.intValue("prefix_token_id");
    OptionalInt maxLength = args.intValue("max_length");
    if (maxLength.isPresent() && maxLength.getAsInt() < 1) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg 'max_length' must be >= 1, got "
          + maxLength.getAsInt());
    }
    int maxGenToks = args.intValue("max_gen_toks", 256);
    if (maxGenToks < 1) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg 'max_gen_toks' must be >= 1, got " + maxGenToks);
    }
    String dtype = args.string("dtype", "auto").toLowerCase(Locale.ROOT);
    if (!dtype.equals("auto") && !dtype.equals("float32") && !dtype.equals("float")
        && !dtype.equals("torch.float32")) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg 'dtype' must be 'auto' or 'float32'"
          + ", got '" + dtype + "': the weights run in the precision they were exported with");
    }
    String device = device(args.string("device", "cpu"));
    BatchSize batchSize = BatchSize.parse(args.string("batch_size", "1"), args.intValue("max_batch_size", 64));
    boolean truncation = args.bool("truncation", false);
    boolean logitsCache = args.bool("logits_cache", true);
    long seed = args.intValue("seed", 1234);
    String pipeline = args.string("tokenizer_pipeline", "transformers");
    if (!pipeline.equals("transformers") && !pipeline.equals("file")) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg 'tokenizer_pipeline' must be 'transformers' or"
          + " 'file', got '" + pipeline + "'");
    }
    Optional<Object> thinkEnd = args.value("think_end_token").map(v -> {
      if (v instanceof Number n) {
        return (Object) n.intValue();
      }
      String text = v.toString();
      return !text.isEmpty() && text.chars().allMatch(Character::isDigit) ? (Object) Integer.parseInt(text) : text;
    });
    Path dir = isLocal("pretrained", pretrained) ? Path.of(pretrained)
        : HubModelFiles.model(context.hub(), pretrained, revision, subfolder.orElse(""), weightAlternatives);
    if (subfolder.isPresent() && !subfolder.get().isEmpty()) {
      dir = dir.resolve(subfolder.get());
    }
    Path tokenizerDir = dir;
    if (tokenizer.isPresent()) {
      tokenizerDir = isLocal("tokenizer", tokenizer.get()) ? Path.of(tokenizer.get())
          : HubModelFiles.tokenizer(context.hub(), tokenizer.get(), revision);
    }
    return new HfModelArgs(pretrained, dir, tokenizerDir, addBos, prefix, maxLength, maxGenToks, device,
        batchSize, truncation, logitsCache, seed, pipeline.equals("transformers"), thinkEnd);
  }

  /**
   * True for a local directory, false for a Hub repo id (not an existing path, shaped {@code org/name}); any
   * other value is an error.
   */
  private static boolean isLocal(String key, String value) {
    Path path;
    try {
      path = Path.of(value);
    } catch (InvalidPathException e) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg '" + key + "' is not a valid path: " + value);
    }
    if (Files.isDirectory(path)) {
      return true;
    }
    if (Files.exists(path)) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg '" + key + "' must be a model directory (with"
          + " config.json, tokenizer.json and the weights) or a Hugging Face Hub repo id, got the file " + path);
    }
    if (HubSnapshots.isRepoId(value)) {
      return false;
    }
    throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "model arg '" + key + "': directory " + path
        + " does not exist (and '" + value + "' is not a Hugging Face Hub repo id either: org/name)");
  }

  /** lm-eval's device names ({@code cpu}, {@code cuda}, {@code cuda:N}) as DJL device names. */
  private static String device(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("cpu")) {
      return "cpu";
    }
    if (v.equals("cuda") || v.equals("gpu")) {
      return "gpu0";
    }
    for (String prefix : new String[] {"cuda:", "gpu:", "gpu"}) {
      if (v.startsWith(prefix) && v.length() > prefix.length() && v.substring(prefix.length()).chars()
          .allMatch(Character::isDigit)) {
        return "gpu" + Integer.parseInt(v.substring(prefix.length()));
      }
    }
    throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg 'device' must be cpu, cuda or cuda:N"
        + ", got '" + value + "'");
  }
}
