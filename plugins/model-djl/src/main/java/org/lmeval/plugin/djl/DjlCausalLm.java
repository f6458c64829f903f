package org.lmeval.plugin.djl;

import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.function.Function;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.plugin.djl.hf.CausalLm;
import org.lmeval.plugin.djl.hf.HalfFloats;
import org.lmeval.plugin.djl.hf.InputKind;
import org.lmeval.plugin.djl.hf.Logits;
import org.lmeval.plugin.djl.hf.PaddedBatch;

/**
 * A causal LM loaded into a DJL {@link Model}: feeds the inputs the graph declares ({@link InputKind}) for a
 * right-padded batch and exposes the {@code logits} output (or the only output).
 */
final class DjlCausalLm implements CausalLm {
  private final Model model;
  private final List<String> inputNames;
  private final List<InputKind> inputs;
  private final boolean namedInputs;
  private final int kvHeads;
  private final int headDim;
  private final Runnable beforeForward;
  private final boolean int32Tokens;
  private int vocabSize;

  /**
   * @param model the loaded model
   * @param inputNames the graph's input names, in the order the engine takes them
   * @param inputs their kinds, same order
   * @param namedInputs whether the engine matches inputs by name (ONNX Runtime) rather than by position
   * @param kvHeads key/value heads, for empty {@code past_key_values} inputs
   * @param headDim head size, for empty {@code past_key_values} inputs
   * @param beforeForward engine settings applied on the calling thread before each pass
   * @param int32Tokens feed the integer inputs as int32 (some exports) instead of int64
   */
  DjlCausalLm(Model model, List<String> inputNames, List<InputKind> inputs, boolean namedInputs, int kvHeads,
      int headDim, Runnable beforeForward, boolean int32Tokens) {
    this.model = model;
    this.inputNames = List.copyOf(inputNames);
    this.inputs = List.copyOf(inputs);
    this.namedInputs = namedInputs;
    this.kvHeads = kvHeads;
    this.headDim = headDim;
    this.beforeForward = beforeForward;
    this.int32Tokens = int32Tokens;
    this.vocabSize = -1;
  }

  /** Runs one token through the model to learn the vocabulary size and prove the inputs fit the graph. */
  void probe() {
    vocabSize = Integer.MAX_VALUE;
    vocabSize = forward(List.of(new int[] {0}), Logits::vocab);
  }

  List<InputKind> inputs() {
    return inputs;
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
    Shape shape = new Shape(batch, seq);
    try (NDManager manager = model.getNDManager().newSubManager()) {
      NDList in = new NDList(inputs.size());
      for (int i = 0; i < inputs.size(); i++) {
        NDArray array = switch (inputs.get(i)) {
          case INPUT_IDS -> integers(manager, ids, shape);
          case ATTENTION_MASK -> integers(manager, mask, shape);
          case POSITION_IDS -> integers(manager, positions, shape);
          case TOKEN_TYPE_IDS -> integers(manager, new long[batch * seq], shape);
          case PAST_KEY_VALUES -> manager.create(new float[0], new Shape(batch, kvHeads, 0, headDim));
          case USE_CACHE_BRANCH -> manager.create(new boolean[] {false}, new Shape(1));
        };
        if (namedInputs) {
          array.setName(inputNames.get(i));
        }
        in.add(array);
      }
      NDList out;
      try {
        beforeForward.run();
        out = model.getBlock().forward(new ParameterStore(manager, false), in, false);
      } catch (EngineException | IllegalArgumentException | UnsupportedOperationException e) {
        throw new EvalException(ErrorCode.BACKEND_FAILURE, "the " + model.getNDManager().getEngine().getEngineName()
            + " forward pass failed for a batch of " + batch + " x " + seq + " tokens: " + e.getMessage(), e);
      }
      NDArray logits = out.stream().filter(a -> "logits".equals(a.getName())).findFirst().orElse(out.get(0));
      Shape s = logits.getShape();
      if (s.dimension() != 3 || s.get(0) != batch || s.get(1) != seq) {
        throw new EvalException(ErrorCode.BACKEND_FAILURE, "the model output '" + logits.getName() + "' has shape "
            + s + ", expected logits [" + batch + ", " + seq + ", vocab]");
      }
      return reader.apply(new Logits(floats(logits), seq, (int) s.get(2)));
    }
  }

  private NDArray integers(NDManager manager, long[] values, Shape shape) {
    if (!int32Tokens) {
      return manager.create(values, shape);
    }
    int[] ints = new int[values.length];
    for (int i = 0; i < ints.length; i++) {
      ints[i] = (int) values[i];
    }
    return manager.create(ints, shape);
  }

  private static FloatBuffer floats(NDArray logits) {
    DataType type = logits.getDataType();
    ByteBuffer bytes = logits.toByteBuffer();
    return switch (type) {
      case FLOAT32 -> bytes.asFloatBuffer();
      case FLOAT16, BFLOAT16 -> {
        FloatBuffer out = FloatBuffer.allocate(bytes.remaining() / 2);
        while (bytes.remaining() >= 2) {
          short bits = bytes.getShort();
          out.put(type == DataType.FLOAT16 ? HalfFloats.halfToFloat(bits) : HalfFloats.bfloat16ToFloat(bits));
        }
        yield out.flip();
      }
      default -> throw new EvalException(ErrorCode.BACKEND_FAILURE,
          "the model's logits are " + type + "; the djl backend reads float32, float16 or bfloat16 logits");
    };
  }

  @Override
  public void close() {
    model.close();
  }
}
