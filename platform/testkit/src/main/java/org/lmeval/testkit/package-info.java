/**
 * The plugin author's test kit: {@link org.lmeval.testkit.FakeLanguageModel} (a deterministic model like
 * lm-eval's {@code dummy}), {@link org.lmeval.testkit.LanguageModelContract} (the model contract as a JUnit 5
 * suite a backend's test extends) and {@link org.lmeval.testkit.PluginHarness} (loads a plugin through the real
 * kernel). The checks mirror the MUST lists of {@code docs/spi/}.
 */
package org.lmeval.testkit;
