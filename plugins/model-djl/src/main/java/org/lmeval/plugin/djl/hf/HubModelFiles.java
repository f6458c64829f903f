package org.lmeval.plugin.djl.hf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.lmeval.api.model.HubSnapshots;

/**
 * Which files of a Hugging Face Hub model repo a backend fetches (as {@code allow_patterns}), and the fetch
 * itself through the kernel's {@link HubSnapshots}: config, generation config, tokenizer files and chat
 * templates, plus the first set of weights the repo has among the backend's alternatives (tried in order, all
 * at the commit the first try pinned), so a repo with ONNX and TorchScript weights downloads only one.
 */
public final class HubModelFiles {
  /** Everything but the weights: {@code *.json} (config, tokenizer), chat templates, a SentencePiece model. */
  public static final List<String> METADATA = List.of("*.json", "*.jinja", "tokenizer.model");

  /** What a tokenizer-only repo (model arg {@code tokenizer}) is read for. */
  public static final List<String> TOKENIZER = List.of("tokenizer.json", "tokenizer_config.json",
      "special_tokens_map.json", "added_tokens.json", "tokenizer.model", "chat_template.jinja",
      "additional_chat_templates/*.jinja");

  private HubModelFiles() {}

  /**
   * The snapshot folder of {@code repo} at {@code revision} holding the metadata and the first weight set of
   * {@code weightAlternatives} present in the repo (none present: the metadata only, so the backend's own
   * "no weights" error lists what is there).
   *
   * @param subfolder the repo folder the model lives in ({@code subfolder} model arg), or empty
   * @return the snapshot folder (the repo root; the caller resolves {@code subfolder})
   */
  public static Path model(HubSnapshots hub, String repo, String revision, String subfolder,
      List<List<String>> weightAlternatives) {
    String prefix = subfolder == null || subfolder.isEmpty() ? "" : subfolder.replaceAll("/+$", "") + "/";
    List<List<String>> tries = weightAlternatives.isEmpty() ? List.of(List.of()) : weightAlternatives;
    Path dir = null;
    String rev = revision;
    for (List<String> weights : tries) {
      List<String> patterns = new ArrayList<>();
      METADATA.forEach(p -> patterns.add(prefix + p));
      weights.forEach(p -> patterns.add(prefix + p));
      dir = hub.snapshot(repo, rev, patterns);
      rev = dir.getFileName().toString(); // the commit: later tries read the same one
      if (!weights.isEmpty() && anyMatches(dir, weights.stream().map(p -> prefix + p).toList())) {
        return dir;
      }
    }
    return dir;
  }

  /** The snapshot folder of tokenizer repo {@code repo} at {@code revision} ({@link #TOKENIZER} files). */
  public static Path tokenizer(HubSnapshots hub, String repo, String revision) {
    return hub.snapshot(repo, revision, TOKENIZER);
  }

  private static boolean anyMatches(Path dir, List<String> patterns) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .map(f -> dir.relativize(f).toString().replace('\\', '/'))
          .anyMatch(rel -> patterns.stream().anyMatch(p -> HubSnapshots.matches(p, rel)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
