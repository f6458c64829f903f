package org.lmeval.plugin.djl.hf;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/**
 * A model directory as users get it from the Hugging Face Hub: {@code config.json},
 * {@code generation_config.json}, {@code tokenizer.json}, {@code tokenizer_config.json},
 * {@code special_tokens_map.json}; the backend finds its own weight files.
 *
 * @param dir the model directory
 * @param tokenizerDir where the tokenizer files are read from ({@code dir} unless the {@code tokenizer} arg says)
 * @param config {@code config.json} (empty if absent)
 * @param generationConfig {@code generation_config.json} (empty if absent)
 * @param tokenizerConfig {@code tokenizer_config.json} (empty if absent)
 * @param specialTokensMap {@code special_tokens_map.json} (empty if absent)
 */
public record ModelFiles(
    Path dir,
    Path tokenizerDir,
    JsonObject config,
    JsonObject generationConfig,
    JsonObject tokenizerConfig,
    JsonObject specialTokensMap) {

  /** Reads the JSON files of {@code dir} (tokenizer files from {@code tokenizerDir}). */
  public static ModelFiles read(Path dir, Path tokenizerDir) {
    if (!Files.isDirectory(dir)) {
      throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "model directory " + dir + " does not exist");
    }
    if (!Files.isRegularFile(tokenizerDir.resolve("tokenizer.json"))) {
      throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "no tokenizer.json in " + tokenizerDir
          + ": the djl backend needs a Hugging Face fast tokenizer file (tokenizer.json); files present: "
          + listing(tokenizerDir));
    }
    return new ModelFiles(dir, tokenizerDir,
        Json.readObjectIfPresent(dir.resolve("config.json")),
        Json.readObjectIfPresent(dir.resolve("generation_config.json")),
        Json.readObjectIfPresent(tokenizerDir.resolve("tokenizer_config.json")),
        Json.readObjectIfPresent(tokenizerDir.resolve("special_tokens_map.json")));
  }

  /**
   * sha256 over every regular file of the model and tokenizer folders (recursively, in sorted path order):
   * each file's relative path, size and content. Equal for identical copies, different after any change.
   */
  public String contentHash() {
    try {
      MessageDigest all = MessageDigest.getInstance("SHA-256");
      for (Path root : dir.equals(tokenizerDir) ? List.of(dir) : List.of(dir, tokenizerDir)) {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
          paths = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : paths) {
          all.update((root.relativize(file).toString().replace('\\', '/') + "\0" + Files.size(file) + "\0")
              .getBytes(StandardCharsets.UTF_8));
          try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
              all.update(buffer, 0, n);
            }
          }
        }
      }
      return HexFormat.of().formatHex(all.digest());
    } catch (IOException e) {
      throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "cannot read the model files in " + dir
          + " to fingerprint them for the response cache: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  Path tokenizerJson() {
    return tokenizerDir.resolve("tokenizer.json");
  }

  /** The first of {@code candidates} (paths relative to the model directory) that is a file. */
  public Optional<Path> firstPresent(List<String> candidates) {
    return candidates.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
  }

  /** An integer of config.json, looked up in {@code text_config} first (composite configs). */
  public OptionalInt configInt(String key) {
    JsonObject text = Json.object(config, "text_config").orElse(config);
    return Json.integer(text, key);
  }

  /** The error for a directory without weights the backend can run, listing what is there. */
  public EvalException noWeights(String expected) {
    String hint = Files.isRegularFile(dir.resolve("model.safetensors"))
        ? " (model.safetensors holds PyTorch weights; export the model to ONNX, TorchScript or a SavedModel first)"
        : "";
    return new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "no weights the backend can run in " + dir
        + ": expected " + expected + hint + "; files present: " + listing(dir));
  }

  public static String listing(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : "")).sorted().toList();
      return names.isEmpty() ? "none" : String.join(", ", names);
    } catch (IOException e) {
      return "unreadable (" + e.getMessage() + ")";
    }
  }
}
