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

/** azure-openai-chat-completions against the test server's Azure deployments path: generation only, other types refused cleanly. */
class AzureContractTest extends LanguageModelContract {
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
    return new HttpModelBackend(BackendKind.AZURE_OPENAI_CHAT_COMPLETIONS).open(Options.of("model arg", Map.of()),
        new ModelContext(Map.of("AZURE_OPENAI_API_KEY", "k", "AZURE_OPENAI_ENDPOINT", server.root(), "AZURE_OPENAI_DEPLOYMENT_NAME", "test-model")));
  }
}
