/**
 * {@code tokenizer_backend=tiktoken}: OpenAI's BPE encodings (jtokkit, ranks embedded), chosen by model name as
 * tiktoken's {@code encoding_for_model} chooses them.
 */
package org.lmeval.plugin.http.tiktoken;
