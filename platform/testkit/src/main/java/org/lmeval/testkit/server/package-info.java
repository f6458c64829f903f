/**
 * A real OpenAI-compatible HTTP server on loopback, backed by any {@link org.lmeval.api.model.LanguageModel}, for
 * tests, benchmarks and demos of the HTTP backends: {@link org.lmeval.testkit.server.OpenAiCompatibleServer}
 * (with a fault-injecting mode, {@link org.lmeval.testkit.server.FaultPlan}), the token splitting it uses when the
 * model has no tokenizer ({@link org.lmeval.testkit.server.ServerTokenizer}), and a model whose scores obey the
 * chain rule, so that scoring through the server equals scoring in process
 * ({@link org.lmeval.testkit.server.ChainRuleLanguageModel}). JDK only.
 */
package org.lmeval.testkit.server;
