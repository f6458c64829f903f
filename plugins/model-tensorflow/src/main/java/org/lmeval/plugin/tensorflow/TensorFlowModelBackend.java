package org.lmeval.plugin.tensorflow;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.ModelBackend;
import org.lmeval.api.model.ModelContext;
import org.lmeval.plugin.djl.hf.HfLanguageModel;
import org.lmeval.plugin.djl.hf.HfModelArgs;
import org.lmeval.plugin.djl.hf.ModelFiles;
import org.lmeval.plugin.djl.hf.PluginContext;

/**
 * The {@code tensorflow} backend: a Hugging Face model directory (local, or a Hub repo id fetched into the hub
 * cache) whose weights are a TensorFlow
 * SavedModel ({@code saved_model.pb} + {@code variables/}, in the directory or its {@code tf/} or
 * {@code saved_model/} subfolder), called through a serving signature.
 */
public final class TensorFlowModelBackend implements ModelBackend {
  /** The SavedModel files, in the directory or its tf/ or saved_model/ subfolder, as fetched from a Hub repo. */
  private static final List<String> SAVED_MODEL = List.of("saved_model.pb", "variables/*", "assets/*",
      "tf/saved_model.pb", "tf/variables/*", "tf/assets/*", "saved_model/saved_model.pb", "saved_model/variables/*",
      "saved_model/assets/*");

  @Override
  public String name() {
    return "tensorflow";
  }

  @Override
  public String description() {
    return "Hugging Face causal LMs exported as TensorFlow SavedModels (a local directory or a Hub repo id), in-process via TensorFlow Java";
  }

  @Override
  public LanguageModel open(Options modelArgs) {
    return open(modelArgs, ModelContext.empty());
  }

  @Override
  public LanguageModel open(Options modelArgs, ModelContext context) {
    HfModelArgs args = HfModelArgs.parse(modelArgs, context, List.of(SAVED_MODEL));
    String signature = modelArgs.string("signature", "serving_default");
    String tags = modelArgs.string("tags", "serve");
    return PluginContext.call(() -> {
      ModelFiles files = ModelFiles.read(args.modelDir(), args.tokenizerDir());
      Optional<java.nio.file.Path> savedModel = java.util.stream.Stream.of("", "tf", "saved_model")
          .map(sub -> sub.isEmpty() ? files.dir() : files.dir().resolve(sub))
          .filter(d -> Files.isRegularFile(d.resolve("saved_model.pb")))
          .findFirst();
      if (savedModel.isEmpty()) {
        throw files.noWeights("a TensorFlow SavedModel (saved_model.pb and variables/) in the directory or its"
            + " tf/ or saved_model/ subfolder");
      }
      if (!args.device().equals("cpu") && !TensorFlowNatives.gpuBuild()) {
        throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "device " + args.device().replace("gpu", "cuda:")
            + " was requested but the CPU build of TensorFlow is on the class path; use device=cpu, or build the"
            + " plugin with -Pgpu on a CUDA 12 machine");
      }
      SavedModelCausalLm lm = SavedModelCausalLm.load(savedModel.get(), tags.split(","), signature);
      return HfLanguageModel.create(args, files, lm);
    });
  }
}
