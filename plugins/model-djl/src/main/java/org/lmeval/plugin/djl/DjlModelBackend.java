package org.lmeval.plugin.djl;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.ModelBackend;
import org.lmeval.api.model.ModelContext;
import org.lmeval.plugin.djl.hf.DjlOffline;
import org.lmeval.plugin.djl.hf.HfLanguageModel;
import org.lmeval.plugin.djl.hf.HfModelArgs;
import org.lmeval.plugin.djl.hf.ModelFiles;
import org.lmeval.plugin.djl.hf.PluginContext;

/**
 * The {@code djl} backend: a Hugging Face model directory (local, or a Hub repo id fetched into the hub cache)
 * with ONNX ({@code model.onnx}, {@code onnx/model.onnx}) or TorchScript ({@code model.pt}) weights, run
 * in-process by DJL.
 */
public final class DjlModelBackend implements ModelBackend {
  @Override
  public String name() {
    return "djl";
  }

  @Override
  public String description() {
    return "Hugging Face causal LMs (a local directory or a Hub repo id; ONNX or TorchScript) in-process via DJL: OnnxRuntime, PyTorch";
  }

  @Override
  public LanguageModel open(Options modelArgs) {
    return open(modelArgs, ModelContext.empty());
  }

  @Override
  public LanguageModel open(Options modelArgs, ModelContext context) {
    Optional<EngineKind> engine = modelArgs.string("engine").map(EngineKind::parse);
    boolean useCache = modelArgs.bool("use_cache", true);
    List<List<String>> weights = engine.map(e -> List.of(e.hubPatterns()))
        .orElseGet(() -> Arrays.stream(EngineKind.values()).map(EngineKind::hubPatterns).toList());
    HfModelArgs args = HfModelArgs.parse(modelArgs, context, weights);
    return PluginContext.call(() -> open(args, engine, useCache));
  }

  private static LanguageModel open(HfModelArgs args, Optional<EngineKind> requested, boolean useCache) {
    DjlOffline.ensure();
    ModelFiles files = ModelFiles.read(args.modelDir(), args.tokenizerDir());
    EngineKind engine = engine(files, requested);
    Path weights = files.firstPresent(engine.weightFiles()).orElseThrow();
    int heads = files.configInt("num_attention_heads").orElse(1);
    int kvHeads = files.configInt("num_key_value_heads").orElse(heads);
    int headDim = files.configInt("head_dim").orElse(files.configInt("hidden_size").orElse(heads) / heads);
    DjlCausalLm lm = DjlModelLoader.load(engine, weights, args.device(), kvHeads, headDim, useCache);
    return HfLanguageModel.create(args, files, lm);
  }

  /** The engine given, else the first engine whose weights are present; a clear error when there are none. */
  private static EngineKind engine(ModelFiles files, Optional<EngineKind> requested) {
    if (requested.isPresent()) {
      EngineKind engine = requested.get();
      if (files.firstPresent(engine.weightFiles()).isEmpty()) {
        throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "engine "
            + engine.djlName() + " needs " + String.join(" or ", engine.weightFiles()) + " in " + files.dir()
            + "; files present: " + ModelFiles.listing(files.dir()));
      }
      return engine;
    }
    for (EngineKind engine : EngineKind.values()) {
      if (files.firstPresent(engine.weightFiles()).isPresent()) {
        return engine;
      }
    }
    throw files.noWeights("model.onnx or onnx/model.onnx (OnnxRuntime) or model.pt (PyTorch TorchScript)");
  }
}
