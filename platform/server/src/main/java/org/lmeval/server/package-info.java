/**
 * A real OpenAI-compatible HTTP server, backed by any {@link org.lmeval.api.model.LanguageModel}, for
 * {@code lm-eval serve}, the HTTP backends' tests, benchmarks and demos: {@link org.lmeval.server.OpenAiCompatibleServer}
 * (with a fault-injecting mode, {@link org.lmeval.server.FaultPlan}), the token splitting it uses
 * ({@link org.lmeval.server.ServerTokenizer}: characters, words, or a Hugging Face {@code tokenizer.json}'s
 * vocabulary), and a model whose scores obey the chain rule, so that scoring through the server equals scoring in
 * process ({@link org.lmeval.server.ChainRuleLanguageModel}). JDK and the API only.
 */
package org.lmeval.server;
