package org.lmeval.plugin.http;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.lmeval.api.Options;
import org.lmeval.api.model.ModelContext;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.testkit.LanguageModelContract;
import org.lmeval.server.ChainRuleLanguageModel;
import org.lmeval.server.OpenAiCompatibleServer;

/** local-completions against the test server meets the LanguageModel contract (all three request types). */
class CompletionsContractTest extends LanguageModelContract {
  private static OpenAiCompatibleServer server;

  @BeforeAll
  static void start() {
    server = OpenAiCompatibleServer.builder(new ChainRuleLanguageModel()).threadSafeModel().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Override
  protected LanguageModel createModel() {
    return new HttpModelBackend(BackendKind.LOCAL_COMPLETIONS).open(Options.of("model arg",
        Map.of("model", "test-model", "base_url", server.completionsUrl(), "num_concurrent", 4, "max_length", 40)),
        ModelContext.empty());
  }
}
