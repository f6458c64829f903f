package org.lmeval.plugin.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;

/** Bad model directories and model args give clear EvalExceptions, never a native crash. */
class DjlModelBackendErrorsTest {
  @TempDir
  Path tmp;

  private static EvalException openFails(Map<String, Object> args) {
    return assertThrows(EvalException.class, () -> {
      try (LanguageModel m = new DjlModelBackend().open(Options.of("model arg", args))) {
        m.modelName();
      }
    });
  }

  private static void assertMessage(EvalException e, ErrorCode code, String... parts) {
    assertEquals(code, e.code(), e.getMessage());
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
    }
  }

  private Path modelDir(String format, String... files) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(format + "-copy"));
    for (String file : files) {
      Path target = dir.resolve(file);
      Files.createDirectories(target.getParent());
      Files.copy(SharedModels.stories(format).resolve(file.replace("onnx/", "")), target,
          StandardCopyOption.REPLACE_EXISTING);
    }
    return dir;
  }

  private static Map<String, Object> args(Path dir, Object... more) {
    Map<String, Object> args = new HashMap<>();
    args.put("pretrained", dir.toString());
    for (int i = 0; i < more.length; i += 2) {
      args.put((String) more[i], more[i + 1]);
    }
    return args;
  }

  @Test
  void missingWeightsNameTheFilesLookedFor() throws IOException {
    Path dir = modelDir("onnx", "config.json", "tokenizer.json", "tokenizer_config.json");
    assertMessage(openFails(args(dir)), ErrorCode.BACKEND_UNAVAILABLE, "model.onnx", "model.pt",
        "tokenizer.json", dir.toString());
    assertMessage(openFails(args(SharedModels.stories("onnx"), "engine", "PyTorch")),
        ErrorCode.BACKEND_UNAVAILABLE, "PyTorch needs model.pt", "model.onnx");
    assertMessage(openFails(args(SharedModels.stories("hf"))), ErrorCode.BACKEND_UNAVAILABLE,
        "model.safetensors", "export the model to ONNX");
  }

  @Test
  void findsTheOnnxSubfolderOfHubExports() throws IOException {
    Path dir = modelDir("onnx", "config.json", "tokenizer.json", "tokenizer_config.json", "onnx/model.onnx");
    try (LanguageModel m = new DjlModelBackend().open(Options.of("model arg", args(dir)))) {
      assertEquals(dir.toString(), m.modelName());
    }
  }

  @Test
  void missingTokenizerIsReported() throws IOException {
    Path dir = modelDir("onnx", "config.json", "model.onnx");
    assertMessage(openFails(args(dir)), ErrorCode.BACKEND_UNAVAILABLE, "no tokenizer.json", "model.onnx");
  }

  @Test
  void aTokenizerOfAnotherModelIsRejected() throws IOException {
    Path dir = modelDir("onnx", "config.json", "model.onnx");
    StringBuilder vocab = new StringBuilder("{\"<unk>\": 0");
    for (int i = 1; i < 1000; i++) {
      vocab.append(", \"w").append(i).append("\": ").append(i);
    }
    vocab.append('}');
    Files.writeString(dir.resolve("tokenizer.json"), "{\"version\": \"1.0\", \"truncation\": null, \"padding\": null,"
        + " \"added_tokens\": [], \"normalizer\": null, \"pre_tokenizer\": {\"type\": \"Whitespace\"},"
        + " \"post_processor\": null, \"decoder\": null,"
        + " \"model\": {\"type\": \"WordLevel\", \"vocab\": " + vocab + ", \"unk_token\": \"<unk>\"}}");
    assertMessage(openFails(args(dir, "prefix_token_id", 0)), ErrorCode.BACKEND_UNAVAILABLE, "ids up to 999",
        "512 logits", "does not belong");
  }

  @Test
  void corruptWeightsAreALoadErrorNotACrash() throws IOException {
    Path onnx = modelDir("onnx", "config.json", "tokenizer.json", "tokenizer_config.json");
    Files.writeString(onnx.resolve("model.onnx"), "not an onnx graph");
    assertMessage(openFails(args(onnx)), ErrorCode.BACKEND_UNAVAILABLE, "OnnxRuntime", "model.onnx");
    Path pt = modelDir("torchscript", "config.json", "tokenizer.json", "tokenizer_config.json");
    Files.writeString(pt.resolve("model.pt"), "not a TorchScript archive");
    assertMessage(openFails(args(pt)), ErrorCode.BACKEND_UNAVAILABLE, "PyTorch", "model.pt");
  }

  @Test
  void unknownEngineGetsTheValidNames() {
    assertMessage(openFails(args(SharedModels.stories("onnx"), "engine", "onnx")), ErrorCode.INVALID_ARGUMENT,
        "[OnnxRuntime, PyTorch]", "did you mean 'OnnxRuntime'");
    assertMessage(openFails(args(SharedModels.stories("onnx"), "engine", "TensorFlow")),
        ErrorCode.INVALID_ARGUMENT, "'engine'", "TensorFlow");
  }

  @Test
  void cudaWithoutCudaIsUnavailable() {
    assertMessage(openFails(args(SharedModels.stories("onnx"), "device", "cuda")), ErrorCode.BACKEND_UNAVAILABLE,
        "cuda:0", "device=cpu");
    assertMessage(openFails(args(SharedModels.stories("torchscript"), "device", "cuda:1")),
        ErrorCode.BACKEND_UNAVAILABLE, "cuda:1", "CUDA");
    assertMessage(openFails(args(SharedModels.stories("onnx"), "device", "mps")), ErrorCode.INVALID_ARGUMENT,
        "'device'", "mps");
  }

  @Test
  void hubIdsNeedTheKernelsHubAndOtherPathsMustExist() {
    // open(Options) has no ModelContext, so no Hub: the id is named with the local-directory advice
    // (DjlHubTest opens repo ids through the kernel's Hub client)
    assertMessage(openFails(Map.of("pretrained", "EleutherAI/pythia-70m")), ErrorCode.BACKEND_UNAVAILABLE,
        "EleutherAI/pythia-70m", "Hub", "local model directory");
    assertMessage(openFails(Map.of("pretrained", tmp.resolve("nowhere/at all").toString())),
        ErrorCode.BACKEND_UNAVAILABLE, "does not exist");
    assertMessage(openFails(Map.of()), ErrorCode.INVALID_ARGUMENT, "'pretrained' is required");
  }

  @Test
  void badArgValuesNameTheArg() {
    Path onnx = SharedModels.stories("onnx");
    assertMessage(openFails(args(onnx, "dtype", "float16")), ErrorCode.INVALID_ARGUMENT, "'dtype'", "float16");
    assertMessage(openFails(args(onnx, "batch_size", "many")), ErrorCode.INVALID_ARGUMENT, "'batch_size'", "auto:N");
    assertMessage(openFails(args(onnx, "batch_size", "auto:0")), ErrorCode.INVALID_ARGUMENT, "'batch_size'");
    assertMessage(openFails(args(onnx, "max_gen_toks", 0)), ErrorCode.INVALID_ARGUMENT, "'max_gen_toks'");
    assertMessage(openFails(args(onnx, "add_bos_token", "maybe")), ErrorCode.INVALID_ARGUMENT, "'add_bos_token'");
    assertMessage(openFails(args(onnx, "backend", "seq2seq")), ErrorCode.INVALID_ARGUMENT, "'backend'", "causal");
    assertMessage(openFails(args(onnx, "use_fast_tokenizer", false)), ErrorCode.INVALID_ARGUMENT,
        "use_fast_tokenizer");
    assertMessage(openFails(args(onnx, "tokenizer_pipeline", "slow")), ErrorCode.INVALID_ARGUMENT,
        "'tokenizer_pipeline'");
  }

  @Test
  void samplingNeedsAPositiveTemperature() {
    try (LanguageModel m = new DjlModelBackend().open(Options.of("model arg", args(SharedModels.stories("onnx"))))) {
      EvalException e = assertThrows(EvalException.class, () -> m.generateUntil(List.of(new GenerationRequest("Once",
          new GenerationParams(List.of("\n"), OptionalInt.empty(), true, OptionalDouble.of(0.0), Map.of())))));
      assertMessage(e, ErrorCode.INVALID_ARGUMENT, "do_sample=true", "temperature > 0");
      EvalException topP = assertThrows(EvalException.class, () -> m.generateUntil(List.of(new GenerationRequest("Once",
          new GenerationParams(List.of("\n"), OptionalInt.empty(), true, OptionalDouble.of(0.7),
              Map.of("top_p", 1.5))))));
      assertMessage(topP, ErrorCode.INVALID_ARGUMENT, "top_p");
    }
  }
}
