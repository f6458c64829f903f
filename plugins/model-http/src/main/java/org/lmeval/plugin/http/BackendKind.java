package org.lmeval.plugin.http;

import java.util.List;

/** The backends of the plugin: lm-eval's model names, the API each speaks and lm-eval's defaults. */
enum BackendKind {
  LOCAL_COMPLETIONS("local-completions", Api.COMPLETIONS, null, "auto", "OPENAI_API_KEY", false,
      "an OpenAI-compatible /v1/completions server (vLLM, SGLang, TGI, llama.cpp, Ollama); all request types"),
  OPENAI_COMPLETIONS("openai-completions", Api.COMPLETIONS, "https://api.openai.com/v1/completions", "tiktoken",
      "OPENAI_API_KEY", true, "OpenAI's completions API; log-likelihoods only for babbage-002 and davinci-002"),
  LOCAL_CHAT_COMPLETIONS("local-chat-completions", Api.CHAT, null, "none", "OPENAI_API_KEY", false,
      "an OpenAI-compatible /v1/chat/completions server; generation only"),
  OPENAI_CHAT_COMPLETIONS("openai-chat-completions", Api.CHAT, "https://api.openai.com/v1/chat/completions", "none",
      "OPENAI_API_KEY", true, "OpenAI's chat completions API; generation only"),
  AZURE_OPENAI_CHAT_COMPLETIONS("azure-openai-chat-completions", Api.CHAT, null, "none", "AZURE_OPENAI_API_KEY", true,
      "Azure OpenAI chat completions (base_url = resource endpoint, model = deployment, api_version; "
          + "AZURE_OPENAI_* variables); generation only",
      "AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_DEPLOYMENT_NAME", "AZURE_OPENAI_API_VERSION"),
  ANTHROPIC_CHAT("anthropic-chat", Api.ANTHROPIC, "https://api.anthropic.com/v1/messages", "none",
      "ANTHROPIC_API_KEY", true, "Anthropic's Messages API; generation only"),
  ANTHROPIC_CHAT_COMPLETIONS("anthropic-chat-completions", Api.ANTHROPIC, "https://api.anthropic.com/v1/messages",
      "none", "ANTHROPIC_API_KEY", true, "alias of anthropic-chat"),
  ANTHROPIC_COMPLETIONS("anthropic-completions", Api.ANTHROPIC_COMPLETIONS, "https://api.anthropic.com/v1/complete",
      "none", "ANTHROPIC_API_KEY", true, "Anthropic's legacy Text Completions API (/v1/complete, "
          + "\\n\\nHuman:/\\n\\nAssistant: prompt); generation only", "ANTHROPIC_BASE_URL"),
  TEXTSYNTH("textsynth", Api.TEXTSYNTH, "https://api.textsynth.com", "none", "TEXTSYNTH_API_SECRET_KEY", true,
      "the TextSynth API (model arg engine); loglikelihood and generation"),
  GGUF("gguf", Api.GGUF, null, "none", null, false,
      "a llama.cpp-style server (base_url = server root, /v1/completions with echo); loglikelihood and generation"),
  GGML("ggml", Api.GGUF, null, "none", null, false, "alias of gguf");

  /** The wire protocol a backend speaks. */
  enum Api { COMPLETIONS, CHAT, ANTHROPIC, ANTHROPIC_COMPLETIONS, TEXTSYNTH, GGUF }

  final String modelName;
  final Api api;
  final String defaultBaseUrl;
  final String defaultTokenizerBackend;
  final String apiKeyVariable;
  final boolean apiKeyRequired;
  final String description;
  /** Environment variables read besides the API key (lm-eval's defaults of model args). */
  final List<String> otherVariables;

  BackendKind(String modelName, Api api, String defaultBaseUrl, String defaultTokenizerBackend,
      String apiKeyVariable, boolean apiKeyRequired, String description, String... otherVariables) {
    this.modelName = modelName;
    this.api = api;
    this.defaultBaseUrl = defaultBaseUrl;
    this.defaultTokenizerBackend = defaultTokenizerBackend;
    this.apiKeyVariable = apiKeyVariable;
    this.apiKeyRequired = apiKeyRequired;
    this.description = description;
    this.otherVariables = List.of(otherVariables);
  }

  /** Chat APIs take one conversation per request and give no prompt log-probabilities. */
  boolean chat() {
    return api == Api.CHAT || api == Api.ANTHROPIC;
  }

  /**
   * lm-eval's {@code OpenAIChatCompletion} payload rules ({@code max_completion_tokens}, default until
   * {@code <|endoftext|>}, no {@code stop} and temperature 1 for o1/o3/o4/"5" models), which Azure inherits.
   */
  boolean openAiChatRules() {
    return this == OPENAI_CHAT_COMPLETIONS || this == AZURE_OPENAI_CHAT_COMPLETIONS;
  }
}
