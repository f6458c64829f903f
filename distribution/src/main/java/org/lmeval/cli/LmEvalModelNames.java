package org.lmeval.cli;

import java.util.Map;
import java.util.Optional;

/**
 * lm-eval 0.4.13's {@code --model} names that lm-eval-java has no backend of that name for, with what to use
 * instead. {@code hf} is lm-eval's default, so a command line copied from lm-eval gets a pointer rather than a
 * bare "unknown model".
 */
final class LmEvalModelNames {
  private static final String HF = "lm-eval's hf backend runs transformers in Python; lm-eval-java runs the same"
      + " Hugging Face models in-process with --model djl (ONNX or TorchScript weights) or --model tensorflow"
      + " (a SavedModel), taking the same model args (pretrained=<dir or repo id>, revision=, add_bos_token=,"
      + " max_length=, ...); see docs/models.md";
  private static final String SERVER = "run the model behind its OpenAI-compatible server and use --model"
      + " local-completions (base_url=http://HOST:PORT/v1/completions,tokenizer=<dir or repo id>) or"
      + " local-chat-completions; see docs/http-backends.md";
  private static final String ONNX = "lm-eval-java runs ONNX models with --model djl (engine=OnnxRuntime); see"
      + " docs/models.md";
  private static final String MULTIMODAL = "lm-eval-java has no multimodal backends yet";
  private static final String OTHER = "lm-eval-java has no such backend; if the model is served behind an"
      + " OpenAI-compatible API, use --model local-completions or local-chat-completions";

  private static final Map<String, String> HINTS = Map.ofEntries(
      Map.entry("hf", HF), Map.entry("hf-auto", HF), Map.entry("huggingface", HF),
      Map.entry("vllm", SERVER), Map.entry("sglang", SERVER), Map.entry("sglang-generate", SERVER),
      Map.entry("trtllm", SERVER),
      Map.entry("onnxruntime", ONNX), Map.entry("onnxruntime-genai", ONNX),
      Map.entry("hf-multimodal", MULTIMODAL), Map.entry("vllm-vlm", MULTIMODAL),
      Map.entry("hf-audiolm-qwen", MULTIMODAL),
      Map.entry("openvino", OTHER), Map.entry("ipex", OTHER), Map.entry("habana", OTHER),
      Map.entry("neuronx", OTHER), Map.entry("mamba_ssm", OTHER), Map.entry("nemo_lm", OTHER),
      Map.entry("megatron_lm", OTHER), Map.entry("watsonx_llm", OTHER), Map.entry("litellm", OTHER),
      Map.entry("litellm-chat", OTHER), Map.entry("litellm-chat-completions", OTHER), Map.entry("steered", OTHER),
      Map.entry("winml", OTHER), Map.entry("hf-mistral3", OTHER));

  private LmEvalModelNames() {}

  /** What to use instead of lm-eval's model {@code name}, when lm-eval-java has no backend of that name. */
  static Optional<String> hint(String name) {
    return Optional.ofNullable(HINTS.get(name));
  }
}
