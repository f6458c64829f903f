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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.plugin.djl.hf.CausalLm;
import org.lmeval.plugin.djl.hf.HalfFloats;
import org.lmeval.plugin.djl.hf.InputKind;
import org.lmeval.plugin.djl.hf.KvCacheSession;
import org.lmeval.plugin.djl.hf.Logits;
import org.lmeval.plugin.djl.hf.PaddedBatch;

/**
 * A causal LM loaded into a DJL {@link Model}: feeds the inputs the graph declares ({@link InputKind}) for a
 * right-padded batch and exposes the {@code logits} output (or the only output). Graphs with a key/value
 * cache also decode incrementally ({@link #newKvCacheSession()}, checked by {@link #probeKvCache}).
 */
final class DjlCausalLm implements CausalLm {
  private static final System.Logger LOG = System.getLogger("org.lmeval.plugin.djl");
  private final Model model;
  private final List<String> inputNames;
  private final List<InputKind> inputs;
  private final boolean namedInputs;
  private final int kvHeads;
  private final int headDim;
  private final Runnable beforeForward;
  private final boolean int32Tokens;
  private int vocabSize;
  /** For each {@code past_key_values.*} input (by index) its {@code present.*} output; null: no cache use. */
  private Map<Integer, String> presentByInput;
  private String kvCacheStatus = "not probed";

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

  /**
   * Turns on generation with the key/value cache when the graph has one and it works: every
   * {@code past_key_values.*} input has a {@code present.*} output, the graph takes {@code attention_mask}
   * and {@code position_ids} (rows keep their own positions), and a prefill plus one cached step gives the
   * logits of a full pass over both tokens. Call after {@link #probe()}.
   */
  void probeKvCache(boolean enabled) {
    presentByInput = null;
    if (!enabled) {
      kvCacheStatus = "off (use_cache=false)";
      return;
    }
    if (!inputs.contains(InputKind.PAST_KEY_VALUES)) {
      kvCacheStatus = "none (the graph has no past_key_values inputs)";
      return;
    }
    if (!inputs.contains(InputKind.ATTENTION_MASK) || !inputs.contains(InputKind.POSITION_IDS)) {
      kvCacheStatus = "unused (the graph takes past_key_values but not both attention_mask and position_ids)";
      return;
    }
    List<String> outputs;
    try (NDManager manager = model.getNDManager().newSubManager()) {
      Shape one = new Shape(1, 1);
      outputs = run(manager, new Inputs(new long[] {0}, one, new long[] {1}, one, new long[] {0}, null)).stream()
          .map(NDArray::getName).toList();
    }
    Map<Integer, String> presents = new LinkedHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i) == InputKind.PAST_KEY_VALUES) {
        String past = inputNames.get(i);
        Optional<String> present = Stream.of(past.replaceFirst("^past_key_values", "present"),
            past.replaceFirst("^past_key_values", "present_key_values"), past.replaceFirst("^past", "present"))
            .filter(outputs::contains).findFirst();
        if (present.isEmpty()) {
          kvCacheStatus = "unused (no output for input '" + past + "'; outputs: " + outputs + ")";
          return;
        }
        presents.put(i, present.get());
      }
    }
    presentByInput = presents;
    int second = Math.min(1, vocabSize - 1);
    float[] full = forward(List.of(new int[] {0, second}), logits -> logits.row(0, 1));
    float[] cached;
    try (KvCacheSession session = newKvCacheSession().orElseThrow()) {
      session.prefill(List.of(new int[] {0}), logits -> null);
      cached = session.step(new int[] {second}, logits -> logits.row(0, 0));
    } catch (EvalException e) {
      presentByInput = null;
      kvCacheStatus = "unused (a cached step failed: " + e.getMessage() + ")";
      return;
    }
    double scale = 1;
    double deviation = 0;
    for (int v = 0; v < full.length; v++) {
      scale = Math.max(scale, Math.abs(full[v]));
      deviation = Math.max(deviation, Math.abs(full[v] - cached[v]));
    }
    if (deviation > 1e-3 * scale) {
      presentByInput = null;
      kvCacheStatus = "unused (a cached step's logits differ from a full pass by " + deviation + ")";
      return;
    }
    kvCacheStatus = "on (" + presents.size() + " cache tensors)";
  }

  /** Whether generation uses the key/value cache, and why not when it does not. */
  String kvCacheStatus() {
    return kvCacheStatus;
  }

  /** {@link #probeKvCache}, and a warning when the graph has a cache that generation cannot use. */
  void probeKvCacheAndReport(boolean enabled, Object weights) {
    probeKvCache(enabled);
    if (kvCacheStatus.startsWith("unused")) {
      LOG.log(System.Logger.Level.WARNING, weights + ": generation re-runs whole rows at every step, the key/value"
          + " cache is " + kvCacheStatus);
    }
  }


  @Override
  public Optional<KvCacheSession> newKvCacheSession() {
    return newKvCacheSession(true);
  }

  /** @param cutFinishedRows see {@link DjlKvCacheSession} */
  Optional<KvCacheSession> newKvCacheSession(boolean cutFinishedRows) {
    return presentByInput == null ? Optional.empty()
        : Optional.of(new DjlKvCacheSession(this, presentByInput, model.getNDManager(), cutFinishedRows));
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
    Shape shape = new Shape(padded.batch(), padded.seq());
    try (NDManager manager = model.getNDManager().newSubManager()) {
      NDList out = run(manager, new Inputs(padded.ids(), shape, padded.mask(), shape, padded.positions(), null));
      return reader.apply(logits(out, padded.batch(), padded.seq()));
    }
  }

  /**
   * The inputs of one pass.
   *
   * @param pasts the cached keys/values by graph input index (null: empty caches, the no-cache branch)
   */
  record Inputs(long[] ids, Shape idsShape, long[] mask, Shape maskShape, long[] positions, NDArray[] pasts) {}

  /** Runs the graph on {@code in}; the outputs belong to {@code manager}. */
  NDList run(NDManager manager, Inputs in) {
    int batch = (int) in.idsShape().get(0);
    NDList list = new NDList(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      NDArray array = switch (inputs.get(i)) {
        case INPUT_IDS -> integers(manager, in.ids(), in.idsShape());
        case ATTENTION_MASK -> integers(manager, in.mask(), in.maskShape());
        case POSITION_IDS -> integers(manager, in.positions(), in.idsShape());
        case TOKEN_TYPE_IDS -> integers(manager, new long[in.ids().length], in.idsShape());
        case PAST_KEY_VALUES -> in.pasts() == null ? manager.create(new float[0], new Shape(batch, kvHeads, 0, headDim))
            : in.pasts()[i];
        case USE_CACHE_BRANCH -> manager.create(new boolean[] {in.pasts() != null}, new Shape(1));
      };
      if (namedInputs) {
        array.setName(inputNames.get(i));
      }
      list.add(array);
    }
    try {
      beforeForward.run();
      NDList out = model.getBlock().forward(new ParameterStore(manager, false), list, false);
      out.attach(manager);
      return out;
    } catch (EngineException | IllegalArgumentException | UnsupportedOperationException e) {
      throw new EvalException(ErrorCode.BACKEND_FAILURE, "the " + model.getNDManager().getEngine().getEngineName()
          + " forward pass failed for a batch of " + batch + " x " + in.idsShape().get(1) + " tokens"
          + (in.pasts() == null ? "" : " after " + (in.maskShape().get(1) - in.idsShape().get(1)) + " cached")
          + ": " + e.getMessage(), e);
    }
  }

  /** The {@code logits} output (or the first one) of a pass, checked to be {@code [batch, seq, vocab]}. */
  Logits logits(NDList out, int batch, int seq) {
    NDArray logits = out.stream().filter(a -> "logits".equals(a.getName())).findFirst().orElse(out.get(0));
    Shape s = logits.getShape();
    if (s.dimension() != 3 || s.get(0) != batch || s.get(1) != seq) {
      throw new EvalException(ErrorCode.BACKEND_FAILURE, "the model output '" + logits.getName() + "' has shape "
          + s + ", expected logits [" + batch + ", " + seq + ", vocab]");
    }
    return new Logits(floats(logits), seq, (int) s.get(2));
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
