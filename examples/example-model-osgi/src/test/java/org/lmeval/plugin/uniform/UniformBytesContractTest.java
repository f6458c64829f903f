package org.lmeval.plugin.uniform;

import org.lmeval.api.Options;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.testkit.LanguageModelContract;

/** uniform-bytes honours the whole LanguageModel contract. */
class UniformBytesContractTest extends LanguageModelContract {
  @Override
  protected LanguageModel createModel() {
    return new UniformBytesModelBackend().open(Options.empty());
  }
}
