package org.lmeval.testkit;

import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.RequestType;

/** A generation-only model passes too: the contract skips what it does not serve and checks the refusals. */
class GenerationOnlyFakeContractTest extends LanguageModelContract {
  @Override
  protected LanguageModel createModel() {
    return FakeLanguageModel.supporting(RequestType.GENERATE_UNTIL);
  }
}
