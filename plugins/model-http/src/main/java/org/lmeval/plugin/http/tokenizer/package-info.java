/**
 * Tokenizers for token-aware requests (lm-eval's {@code tokenizer_backend}): {@code huggingface} reads a local
 * {@code tokenizer.json} with DJL's Hugging Face tokenizers, {@code remote} asks the server's {@code /tokenize}
 * endpoints (vLLM), as lm-eval does.
 */
package org.lmeval.plugin.http.tokenizer;
