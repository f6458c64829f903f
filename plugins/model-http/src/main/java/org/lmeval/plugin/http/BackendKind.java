package org.lmeval.plugin.http;

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
  ANTHROPIC_CHAT("anthropic-chat", Api.ANTHROPIC, "https://api.anthropic.com/v1/messages", "none",
      "ANTHROPIC_API_KEY", true, "Anthropic's Messages API; generation only"),
  ANTHROPIC_CHAT_COMPLETIONS("anthropic-chat-completions", Api.ANTHROPIC, "https://api.anthropic.com/v1/messages",
      "none", "ANTHROPIC_API_KEY", true, "alias of anthropic-chat"),
  TEXTSYNTH("textsynth", Api.TEXTSYNTH, "https://api.textsynth.com", "none", "TEXTSYNTH_API_SECRET_KEY", true,
      "the TextSynth API (model arg engine); loglikelihood and generation"),
  GGUF("gguf", Api.GGUF, null, "none", null, false,
      "a llama.cpp-style server (base_url = server root, /v1/completions with echo); loglikelihood and generation"),
  GGML("ggml", Api.GGUF, null, "none", null, false, "alias of gguf");

  /** The wire protocol a backend speaks. */
  enum Api { COMPLETIONS, CHAT, ANTHROPIC, TEXTSYNTH, GGUF }

  final String modelName;
  final Api api;
  final String defaultBaseUrl;
  final String defaultTokenizerBackend;
  final String apiKeyVariable;
  final boolean apiKeyRequired;
  final String description;

  BackendKind(String modelName, Api api, String defaultBaseUrl, String defaultTokenizerBackend,
      String apiKeyVariable, boolean apiKeyRequired, String description) {
    this.modelName = modelName;
    this.api = api;
    this.defaultBaseUrl = defaultBaseUrl;
    this.defaultTokenizerBackend = defaultTokenizerBackend;
    this.apiKeyVariable = apiKeyVariable;
    this.apiKeyRequired = apiKeyRequired;
    this.description = description;
  }

  /** Chat APIs take one conversation per request and give no prompt log-probabilities. */
  boolean chat() {
    return api == Api.CHAT || api == Api.ANTHROPIC;
  }
}
