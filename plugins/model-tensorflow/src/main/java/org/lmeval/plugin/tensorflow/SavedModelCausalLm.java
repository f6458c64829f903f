package org.lmeval.plugin.tensorflow;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.plugin.djl.hf.CausalLm;
import org.lmeval.plugin.djl.hf.InputKind;
import org.lmeval.plugin.djl.hf.Logits;
import org.lmeval.plugin.djl.hf.PaddedBatch;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * A causal LM SavedModel called through one serving signature: integer inputs {@code input_ids} (required),
 * {@code attention_mask}, {@code position_ids}, {@code token_type_ids} (int32 or int64, fed when the signature
 * declares them) and a float32 {@code logits} output (or the signature's only output).
 */
final class SavedModelCausalLm implements CausalLm {
  private final SavedModelBundle bundle;
  private final SessionFunction function;
  private final Map<String, InputKind> inputs;
  private final Map<String, DataType> inputTypes;
  private final String output;
  private int vocabSize;

  private SavedModelCausalLm(SavedModelBundle bundle, SessionFunction function, Map<String, InputKind> inputs,
      Map<String, DataType> inputTypes, String output) {
    this.bundle = bundle;
    this.function = function;
    this.inputs = inputs;
    this.inputTypes = inputTypes;
    this.output = output;
  }

  /** Loads the SavedModel, checks the signature and probes one forward pass. */
  static SavedModelCausalLm load(Path dir, String[] tags, String signatureKey) {
    SavedModelBundle bundle;
    try {
      bundle = SavedModelBundle.load(dir.toString(), tags);
    } catch (TensorFlowException | IllegalArgumentException e) {
      throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "TensorFlow cannot load the SavedModel " + dir
          + " with tags " + String.join(",", tags) + ": " + e.getMessage(), e);
    } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError e) {
      throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "TensorFlow's native library did not load (is"
          + " tensorflow-core-native for this platform in plugins/model-tensorflow/?): " + e, e);
    }
    try {
      SessionFunction function;
      try {
        function = bundle.function(signatureKey);
      } catch (IllegalArgumentException e) {
        throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg 'signature': the SavedModel " + dir
            + " has no signature '" + signatureKey + "'; signatures: "
            + bundle.signatures().stream().map(Signature::key).toList(), e);
      }
      Signature signature = function.signature();
      Map<String, InputKind> inputs = new LinkedHashMap<>();
      Map<String, DataType> types = new LinkedHashMap<>();
      for (Map.Entry<String, Signature.TensorDescription> in : signature.getInputs().entrySet()) {
        InputKind kind = InputKind.ofName(in.getKey())
            .filter(k -> k != InputKind.PAST_KEY_VALUES && k != InputKind.USE_CACHE_BRANCH)
            .orElseThrow(() -> new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "signature '" + signatureKey
                + "' of " + dir + " has an input '" + in.getKey() + "' the tensorflow backend cannot feed; known"
                + " inputs: input_ids, attention_mask, position_ids, token_type_ids"));
        DataType type = in.getValue().dataType;
        if (type != DataType.DT_INT32 && type != DataType.DT_INT64) {
          throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "signature input '" + in.getKey() + "' of " + dir
              + " is " + type + "; the tensorflow backend feeds int32 or int64 token inputs");
        }
        inputs.put(in.getKey(), kind);
        types.put(in.getKey(), type);
      }
      if (!inputs.containsValue(InputKind.INPUT_IDS)) {
        throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "signature '" + signatureKey + "' of " + dir
            + " has no 'input_ids' input (inputs: " + inputs.keySet() + ")");
      }
      List<String> outputs = new ArrayList<>(signature.outputNames());
      String output = outputs.contains("logits") ? "logits" : outputs.size() == 1 ? outputs.get(0) : null;
      if (output == null) {
        throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "signature '" + signatureKey + "' of " + dir
            + " has no 'logits' output (outputs: " + outputs + ")");
      }
      SavedModelCausalLm lm = new SavedModelCausalLm(bundle, function, inputs, types, output);
      lm.vocabSize = Integer.MAX_VALUE;
      lm.vocabSize = lm.forward(List.of(new int[] {0}), Logits::vocab);
      return lm;
    } catch (RuntimeException e) {
      bundle.close();
      throw e;
    }
  }

  @Override
  public int vocabSize() {
    return vocabSize;
  }

  @Override
  public <T> T forward(List<int[]> rows, Function<Logits, T> reader) {
    PaddedBatch padded = PaddedBatch.of(rows, vocabSize);
    int batch = padded.batch();
    int seq = padded.seq();
    long[] ids = padded.ids();
    long[] mask = padded.mask();
    long[] positions = padded.positions();
    Shape shape = Shape.of(batch, seq);
    Map<String, Tensor> feed = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, InputKind> in : inputs.entrySet()) {
        long[] values = switch (in.getValue()) {
          case INPUT_IDS -> ids;
          case ATTENTION_MASK -> mask;
          case POSITION_IDS -> positions;
          default -> new long[batch * seq];
        };
        feed.put(in.getKey(), tensor(values, shape, inputTypes.get(in.getKey())));
      }
      try (Result result = function.call(feed)) {
        Tensor logits = result.get(output).orElseThrow(() -> new EvalException(ErrorCode.BACKEND_FAILURE,
            "the SavedModel returned no '" + output + "' output"));
        if (!(logits instanceof TFloat32)) {
          throw new EvalException(ErrorCode.BACKEND_FAILURE, "the SavedModel's '" + output + "' output is "
              + logits.dataType() + "; the tensorflow backend reads float32 logits");
        }
        Shape s = logits.shape();
        if (s.numDimensions() != 3 || s.get(0) != batch || s.get(1) != seq) {
          throw new EvalException(ErrorCode.BACKEND_FAILURE, "the SavedModel's '" + output + "' output has shape "
              + s + ", expected [" + batch + ", " + seq + ", vocab]");
        }
        float[] data = new float[Math.toIntExact(s.size())];
        logits.asRawTensor().data().asFloats().read(data);
        return reader.apply(new Logits(FloatBuffer.wrap(data), seq, (int) s.get(2)));
      }
    } catch (TensorFlowException e) {
      throw new EvalException(ErrorCode.BACKEND_FAILURE, "the TensorFlow forward pass failed for a batch of " + batch
          + " x " + seq + " tokens: " + e.getMessage(), e);
    } finally {
      feed.values().forEach(Tensor::close);
    }
  }

  private static Tensor tensor(long[] values, Shape shape, DataType type) {
    if (type == DataType.DT_INT64) {
      return TInt64.tensorOf(shape, DataBuffers.of(values, true, false));
    }
    int[] ints = new int[values.length];
    for (int i = 0; i < ints.length; i++) {
      ints[i] = (int) values[i];
    }
    return TInt32.tensorOf(shape, DataBuffers.of(ints, true, false));
  }

  @Override
  public void close() {
    bundle.close();
  }
}
