package org.lmeval.plugin.http.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.HubSnapshots;

/**
 * A Hugging Face {@code tokenizer.json} (a local file, or a Hub repo's through the kernel's hub cache) through
 * DJL's tokenizers (the Rust library HF uses), with no truncation and no padding. The BOS and EOS tokens come from the {@code tokenizer_config.json} beside it, as in transformers.
 */
public final class HuggingFaceTokenizer implements Tokenizer {
  private static final Map<String, String> OPTIONS = Map.of("truncation", "false", "padding", "false",
      "addSpecialTokens", "true");

  private final ai.djl.huggingface.tokenizers.HuggingFaceTokenizer tokenizer;
  private final String description;
  private final Optional<String> bos;
  private final Optional<String> eos;
  private final OptionalInt bosId;
  private final OptionalInt eosId;

  private HuggingFaceTokenizer(ai.djl.huggingface.tokenizers.HuggingFaceTokenizer tokenizer, String description,
      Optional<String> bos, Optional<String> eos) {
    this.tokenizer = tokenizer;
    this.description = description;
    this.bos = bos;
    this.eos = eos;
    this.bosId = bos.map(this::singleId).orElse(OptionalInt.empty());
    this.eosId = eos.map(this::singleId).orElse(OptionalInt.empty());
  }

  /** What a Hub tokenizer repo is read for (the rest of the repo is not fetched). */
  static final List<String> HUB_FILES = List.of("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json");

  /**
   * Loads {@code name}: a {@code tokenizer.json} file or a folder holding one (no Hub access).
   *
   * @param key the model arg the name came from, for messages
   */
  public static HuggingFaceTokenizer load(String name, String key) {
    return load(name, key, null, HubSnapshots.unavailable("no Hub access was given"));
  }

  /**
   * Loads {@code name}: a {@code tokenizer.json} file, a folder holding one, or else a Hugging Face Hub repo id,
   * whose tokenizer files are fetched at {@code revision} through the kernel's hub cache ({@code hub}).
   *
   * @param key the model arg the name came from, for messages
   * @param revision the repo revision (model arg {@code revision}); null means {@code main}
   */
  public static HuggingFaceTokenizer load(String name, String key, String revision, HubSnapshots hub) {
    Path path = Path.of(name);
    if (!Files.exists(path) && HubSnapshots.isRepoId(name)) {
      Path snapshot = hub.snapshot(name, revision, HUB_FILES);
      if (!Files.isRegularFile(snapshot.resolve("tokenizer.json"))) {
        throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg '" + key + "': Hugging Face repo '" + name
            + "' has no tokenizer.json (only fast tokenizers are supported); give another repo or a local "
            + "tokenizer.json");
      }
      return loadFile(snapshot.resolve("tokenizer.json"), name, key, "huggingface tokenizer " + name);
    }
    Path file = Files.isDirectory(path) ? path.resolve("tokenizer.json") : path;
    if (Files.isDirectory(path) && !Files.isRegularFile(file)) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg '" + key + "': folder " + path
          + " has no tokenizer.json");
    }
    return loadFile(file, name, key, "huggingface tokenizer " + file);
  }

  private static HuggingFaceTokenizer loadFile(Path file, String name, String key, String description) {
    Path folder = file.toAbsolutePath().getParent();
    try {
      if (!Files.isRegularFile(file)) {
        throw new IOException("no such file or Hugging Face Hub repo id");
      }
      ai.djl.huggingface.tokenizers.HuggingFaceTokenizer t =
          ai.djl.huggingface.tokenizers.HuggingFaceTokenizer.newInstance(file, OPTIONS);
      JsonNode config = readConfig(folder == null ? null : folder.resolve("tokenizer_config.json"));
      return new HuggingFaceTokenizer(t, description, special(config, "bos_token"), special(config, "eos_token"));
    } catch (IOException | RuntimeException | LinkageError e) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg '" + key + "': cannot load a Hugging Face "
          + "tokenizer from '" + name + "' (" + e.getMessage() + "); give the path of a local tokenizer.json (or "
          + "its folder) or a Hub repo id, or use tokenizer_backend=remote with a server that serves /tokenize, or "
          + "tokenizer_backend=none for string prompts (generation only)", e);
    }
  }

  @Override
  public List<int[]> encode(List<String> texts, boolean addSpecialTokens) {
    List<int[]> out = new ArrayList<>(texts.size());
    for (String text : texts) {
      long[] ids = tokenizer.encode(text, addSpecialTokens, false).getIds();
      int[] copy = new int[ids.length];
      for (int i = 0; i < ids.length; i++) {
        copy[i] = (int) ids[i];
      }
      out.add(copy);
    }
    return out;
  }

  @Override
  public List<String> decode(List<int[]> tokens) {
    List<String> out = new ArrayList<>(tokens.size());
    for (int[] t : tokens) {
      long[] ids = new long[t.length];
      for (int i = 0; i < t.length; i++) {
        ids[i] = t[i];
      }
      out.add(tokenizer.decode(ids, false));
    }
    return out;
  }

  @Override
  public OptionalInt bosTokenId() {
    return bosId;
  }

  @Override
  public OptionalInt eosTokenId() {
    return eosId;
  }

  @Override
  public Optional<String> eosToken() {
    return eos;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public void close() {
    tokenizer.close();
  }

  private OptionalInt singleId(String token) {
    long[] ids = tokenizer.encode(token, false, false).getIds();
    return ids.length == 1 ? OptionalInt.of((int) ids[0]) : OptionalInt.empty();
  }

  private static JsonNode readConfig(Path file) throws IOException {
    if (file == null || !Files.isRegularFile(file)) {
      return null;
    }
    return new ObjectMapper().readTree(file.toFile());
  }

  /** transformers' special token entries: a string, or an AddedToken object with {@code content}. */
  private static Optional<String> special(JsonNode config, String key) {
    if (config == null) {
      return Optional.empty();
    }
    JsonNode v = config.get(key);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v.isTextual()) {
      return Optional.of(v.asText());
    }
    JsonNode content = v.get("content");
    return content != null && content.isTextual() ? Optional.of(content.asText()) : Optional.empty();
  }
}
