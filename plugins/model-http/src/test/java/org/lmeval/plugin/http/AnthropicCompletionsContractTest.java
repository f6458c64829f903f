package org.lmeval.plugin.http;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.lmeval.api.Options;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.ModelContext;
import org.lmeval.server.ChainRuleLanguageModel;
import org.lmeval.server.OpenAiCompatibleServer;
import org.lmeval.testkit.LanguageModelContract;

/** anthropic-completions against the test server's legacy /v1/complete: generation only, other types refused cleanly. */
class AnthropicCompletionsContractTest extends LanguageModelContract {
  private static OpenAiCompatibleServer server;

  @BeforeAll
  static void start() {
    server = OpenAiCompatibleServer.builder(new ChainRuleLanguageModel()).threadSafeModel().apiKey("k").start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Override
  protected LanguageModel createModel() {
    return new HttpModelBackend(BackendKind.ANTHROPIC_COMPLETIONS).open(Options.of("model arg", Map.of("model", "test-model")),
        new ModelContext(Map.of("ANTHROPIC_API_KEY", "k", "ANTHROPIC_BASE_URL", server.root())));
  }
}
