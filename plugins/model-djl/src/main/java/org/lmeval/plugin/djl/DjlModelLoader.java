package org.lmeval.plugin.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.types.Shape;
import ai.djl.util.PairList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.plugin.djl.hf.InputKind;

/** Loads weights into a DJL engine and works out which inputs the graph takes. */
final class DjlModelLoader {
  private DjlModelLoader() {}

  /**
   * Loads {@code weights} with {@code engine} on {@code deviceName} and probes one forward pass.
   *
   * @param kvHeads key/value heads (for graphs that declare {@code past_key_values} inputs)
   * @param headDim head size (same)
   * @param useCache generate with the graph's key/value cache when it has one ({@code use_cache} model arg)
   */
  static DjlCausalLm load(EngineKind engine, Path weights, String deviceName, int kvHeads, int headDim,
      boolean useCache) {
    Engine djlEngine = engine(engine);
    Device device = device(djlEngine, deviceName);
    Model model = Model.newInstance(weights.getFileName().toString(), device, engine.djlName());
    try {
      model.load(weights);
    } catch (IOException | MalformedModelException | EngineException | UnsupportedOperationException e) {
      model.close();
      throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "the " + engine.djlName() + " engine cannot load "
          + weights + ": " + e.getMessage(), e);
    }
    try {
      return engine == EngineKind.ONNX_RUNTIME
          ? onnxGraph(model, weights, kvHeads, headDim, useCache)
          : torchScript(model, weights);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  private static Engine engine(EngineKind engine) {
    try {
      return Engine.getEngine(engine.djlName());
    } catch (IllegalArgumentException e) {
      throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "DJL engine " + engine.djlName() + " is not on the"
          + " class path of the djl plugin (its engine jar is missing from plugins/model-djl/); engines found: "
          + Engine.getAllEngines(), e);
    } catch (EngineException | UnsatisfiedLinkError e) {
      throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "DJL engine " + engine.djlName() + " cannot start (its"
          + " native library did not load): " + e.getMessage(), e);
    }
  }

  private static Device device(Engine engine, String name) {
    Device device = Device.fromName(name, engine);
    if (device.isGpu() && engine.getGpuCount() <= device.getDeviceId()) {
      throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "device " + name.replace("gpu", "cuda:") + " was"
          + " requested but the " + engine.getEngineName() + " engine sees " + engine.getGpuCount() + " CUDA"
          + " device(s) on this machine; use device=cpu, or build the plugin with -Pgpu on a CUDA machine");
    }
    return device;
  }

  private static DjlCausalLm onnxGraph(Model model, Path weights, int kvHeads, int headDim, boolean useCache) {
    PairList<String, Shape> described = model.describeInput();
    List<String> names = new ArrayList<>(described.keys());
    List<InputKind> kinds = new ArrayList<>();
    for (String name : names) {
      Optional<InputKind> kind = InputKind.ofName(name);
      if (kind.isEmpty()) {
        throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "the ONNX graph " + weights + " has an input '" + name
            + "' the djl backend cannot feed; known inputs: input_ids, attention_mask, position_ids,"
            + " token_type_ids, past_key_values.*, use_cache_branch");
      }
      kinds.add(kind.get());
    }
    if (!kinds.contains(InputKind.INPUT_IDS)) {
      throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "the ONNX graph " + weights
          + " has no 'input_ids' input (inputs: " + names + "); it is not a causal language model export");
    }
    // ONNX Runtime hides the input types behind DJL: try int64 token inputs (the usual export), then int32.
    List<String> failures = new ArrayList<>();
    for (boolean int32 : new boolean[] {false, true}) {
      DjlCausalLm lm = new DjlCausalLm(model, names, kinds, true, kvHeads, headDim, () -> { }, int32);
      try {
        lm.probe();
      } catch (EvalException e) {
        failures.add((int32 ? "int32" : "int64") + " inputs: " + e.getMessage());
        continue;
      }
      lm.probeKvCacheAndReport(useCache, weights);
      return lm;
    }
    throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "the ONNX graph " + weights + " (inputs " + names
        + ") did not run on a one-token probe: " + String.join("; ", failures));
  }

  /** TorchScript declares no input names: try {@code forward(input_ids, attention_mask)}, then {@code forward(input_ids)}. */
  private static DjlCausalLm torchScript(Model model, Path weights) {
    List<String> failures = new ArrayList<>();
    for (List<InputKind> kinds : List.of(List.of(InputKind.INPUT_IDS, InputKind.ATTENTION_MASK),
        List.of(InputKind.INPUT_IDS))) {
      List<String> names = kinds.stream().map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).toList();
      DjlCausalLm lm = new DjlCausalLm(model, names, kinds, false, 0, 0,
          TorchScriptThreads::disableGraphOptimizer, false);
      try {
        lm.probe();
        return lm;
      } catch (EvalException e) {
        failures.add("forward(" + String.join(", ", names) + "): " + e.getMessage());
      }
    }
    throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "the TorchScript module " + weights + " is not a causal LM"
        + " the djl backend can call (tried " + String.join("; ", failures) + ")");
  }
}
