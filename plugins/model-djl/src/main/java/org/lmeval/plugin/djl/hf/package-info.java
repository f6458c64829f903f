/**
 * lm-eval's {@code hf} model semantics for causal language models, independent of the engine that runs the
 * forward pass: Hugging Face model directories ({@link org.lmeval.plugin.djl.hf.ModelFiles}), the shared
 * model args ({@link org.lmeval.plugin.djl.hf.HfModelArgs}), tokenisation with DJL's Hugging Face tokenizers,
 * scoring, rolling windows and greedy generation ({@link org.lmeval.plugin.djl.hf.HfLanguageModel}) over a
 * {@link org.lmeval.plugin.djl.hf.CausalLm}. Published as the {@code hf} classifier jar for other
 * in-process backends (model-tensorflow).
 */
package org.lmeval.plugin.djl.hf;
