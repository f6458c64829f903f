/**
 * The {@code tensorflow} model backend: causal language models exported as TensorFlow SavedModels in a
 * Hugging Face model directory, run in-process with TensorFlow Java, with lm-eval's {@code hf} semantics
 * from model-djl's engine-neutral {@code hf} library.
 *
 * <p>Entry point: {@link org.lmeval.plugin.tensorflow.TensorFlowPlugin}; backend name {@code tensorflow}.
 */
package org.lmeval.plugin.tensorflow;
