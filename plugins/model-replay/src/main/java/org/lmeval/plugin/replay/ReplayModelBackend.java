package org.lmeval.plugin.replay;

import java.nio.file.Path;
import org.lmeval.api.Options;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.ModelBackend;

/**
 * {@code --model replay --model_args path=DIR}: answers from the samples files found under {@code DIR}
 * (recursively), as logged by lm-eval's {@code --log_samples} or ours. Reads them once, at open.
 */
public final class ReplayModelBackend implements ModelBackend {
  @Override
  public String name() {
    return "replay";
  }

  @Override
  public String description() {
    return "answers every request from the samples_*.jsonl files logged by an earlier run (model_args path=DIR)";
  }

  @Override
  public LanguageModel open(Options modelArgs) {
    Path dir = Path.of(modelArgs.requireString("path"));
    return new ReplayLanguageModel(SamplesIndex.load(dir));
  }
}
