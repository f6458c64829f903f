/**
 * The {@code djl} model backend: causal language models in Hugging Face directory layout, run in-process
 * through DJL (Deep Java Library) with the OnnxRuntime or PyTorch (TorchScript) engine, tokenised with
 * DJL's Hugging Face tokenizers, and scored the way lm-eval's {@code hf} model scores them.
 *
 * <p>Entry point: {@link org.lmeval.plugin.djl.DjlPlugin}; backend name {@code djl}.
 */
package org.lmeval.plugin.djl;
