package org.lmeval.plugin.djl;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/** The DJL engines this backend runs, by DJL's engine name, with the weight files each one loads. */
enum EngineKind {
  ONNX_RUNTIME("OnnxRuntime", List.of("model.onnx", "onnx/model.onnx"),
      List.of("model.onnx", "model.onnx_data*", "model.onnx.data", "onnx/model.onnx", "onnx/model.onnx_data*",
          "onnx/model.onnx.data")),
  PYTORCH("PyTorch", List.of("model.pt"), List.of("model.pt"));

  private final String djlName;
  private final List<String> weightFiles;
  private final List<String> hubPatterns;

  EngineKind(String djlName, List<String> weightFiles, List<String> hubPatterns) {
    this.djlName = djlName;
    this.weightFiles = weightFiles;
    this.hubPatterns = hubPatterns;
  }

  /** What to fetch from a Hub repo for this engine: its weight files and their external-data files. */
  List<String> hubPatterns() {
    return hubPatterns;
  }

  /** DJL's engine name ({@code Engine.getEngine(name)}), also what users pass as {@code engine=}. */
  String djlName() {
    return djlName;
  }

  /** Weight files this engine loads, relative to the model directory, in the order they are looked for. */
  List<String> weightFiles() {
    return weightFiles;
  }

  /** The engine named by the {@code engine} model arg (case-insensitive). */
  static EngineKind parse(String name) {
    for (EngineKind kind : values()) {
      if (kind.djlName.equalsIgnoreCase(name.trim())) {
        return kind;
      }
    }
    throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg 'engine' must be one of "
        + Arrays.stream(values()).map(EngineKind::djlName).toList() + ", got '" + name + "'"
        + suggestion(name));
  }

  private static String suggestion(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.contains("onnx") || lower.equals("ort")) {
      return "; did you mean 'OnnxRuntime'?";
    }
    if (lower.contains("torch") || lower.equals("pt")) {
      return "; did you mean 'PyTorch'?";
    }
    return "";
  }
}
