/**
 * lm-eval's API model backends on OkHttp: {@code local-completions}, {@code openai-completions} (all three request
 * types; log-likelihoods through {@code echo} + {@code logprobs}), {@code local-chat-completions},
 * {@code openai-chat-completions}, {@code azure-openai-chat-completions}, {@code anthropic-chat} (Messages API),
 * {@code anthropic-completions} (the legacy Text Completions API), {@code textsynth} and {@code gguf}
 * (llama.cpp-style servers), with lm-eval's model args, payloads and parsing. Entry point:
 * {@link org.lmeval.plugin.http.HttpPlugin}.
 */
package org.lmeval.plugin.http;
