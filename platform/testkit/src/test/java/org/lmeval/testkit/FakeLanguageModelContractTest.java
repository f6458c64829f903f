package org.lmeval.testkit;

import org.lmeval.api.model.LanguageModel;

/** The fake model passes the contract it is the reference for. */
class FakeLanguageModelContractTest extends LanguageModelContract {
  @Override
  protected LanguageModel createModel() {
    return new FakeLanguageModel();
  }
}
