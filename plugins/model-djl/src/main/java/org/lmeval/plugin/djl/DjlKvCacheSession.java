package org.lmeval.plugin.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.plugin.djl.hf.KvCacheSession;
import org.lmeval.plugin.djl.hf.Logits;
import org.lmeval.plugin.djl.hf.PaddedBatch;

/**
 * A {@link KvCacheSession} on a DJL graph with {@code past_key_values.*} inputs and {@code present.*} outputs
 * (Optimum / transformers.js decoder layout). The prefill pass is the right-padded batch of
 * {@link DjlCausalLm#forward} with empty pasts; each step feeds the {@code present.*} outputs back as
 * {@code past_key_values.*} (they stay engine tensors), one token per row at that row's own next position, and
 * an attention mask over every cached slot in which the prefill's padding stays 0.
 *
 * <p>Rows that leave the batch are cut out of float32 caches; caches of other types cannot be rebuilt through
 * DJL, so those rows keep running (their logits are dropped).
 */
final class DjlKvCacheSession implements KvCacheSession {
  private final DjlCausalLm lm;
  private final Map<Integer, String> presentByInput;
  private final NDManager manager;
  private final boolean cutFinishedRows;
  private NDArray[] pasts;
  /** Rows in the engine batch. */
  private int batch;
  /** Cached slots per row (the prefill's padded length plus the steps). */
  private int slots;
  /** {@code [batch, slots]}: 1 for a real token. */
  private long[] mask;
  /** The position of every row's next token. */
  private long[] nextPosition;
  /** The engine rows the caller still sees, in the caller's order. */
  private int[] live;

  /**
   * @param presentByInput for every {@code past_key_values.*} input (by graph input index) the output that
   *     holds its next value
   * @param cutFinishedRows cut rows that leave the batch out of float32 caches (false: keep running them)
   */
  DjlKvCacheSession(DjlCausalLm lm, Map<Integer, String> presentByInput, NDManager modelManager,
      boolean cutFinishedRows) {
    this.lm = lm;
    this.cutFinishedRows = cutFinishedRows;
    this.presentByInput = Map.copyOf(presentByInput);
    this.manager = modelManager.newSubManager();
  }

  @Override
  public <T> T prefill(List<int[]> rows, Function<Logits, T> reader) {
    if (pasts != null) {
      throw new IllegalStateException("prefill() runs once per session");
    }
    PaddedBatch padded = PaddedBatch.of(rows, lm.vocabSize());
    batch = padded.batch();
    slots = padded.seq();
    mask = padded.mask();
    nextPosition = rows.stream().mapToLong(r -> r.length).toArray();
    live = identity(batch);
    Shape shape = new Shape(batch, slots);
    return pass(new DjlCausalLm.Inputs(padded.ids(), shape, padded.mask(), shape, padded.positions(), null),
        slots, reader);
  }

  @Override
  public <T> T step(int[] tokens, Function<Logits, T> reader) {
    if (pasts == null) {
      throw new IllegalStateException("step() before prefill()");
    }
    if (tokens.length != live.length) {
      throw new IllegalArgumentException(tokens.length + " tokens for " + live.length + " rows");
    }
    long[] ids = new long[batch];
    for (int r = 0; r < live.length; r++) {
      if (tokens[r] < 0 || tokens[r] >= lm.vocabSize()) {
        throw new EvalException(ErrorCode.INVALID_ARGUMENT, "token id " + tokens[r] + " is outside the model's"
            + " vocabulary of " + lm.vocabSize() + " entries");
      }
      ids[live[r]] = tokens[r];
    }
    long[] grown = new long[batch * (slots + 1)];
    for (int r = 0; r < batch; r++) {
      System.arraycopy(mask, r * slots, grown, r * (slots + 1), slots);
      grown[r * (slots + 1) + slots] = 1;
    }
    T result = pass(new DjlCausalLm.Inputs(ids, new Shape(batch, 1), grown, new Shape(batch, slots + 1),
        nextPosition.clone(), pasts), 1, reader);
    mask = grown;
    slots++;
    for (int r = 0; r < batch; r++) {
      nextPosition[r]++;
    }
    return result;
  }

  private <T> T pass(DjlCausalLm.Inputs in, int seq, Function<Logits, T> reader) {
    try (NDManager step = manager.newSubManager()) {
      NDList out = lm.run(step, in);
      Logits logits = lm.logits(out, batch, seq);
      T result = reader.apply(live.length == batch ? logits : liveRows(logits, seq));
      NDArray[] next = new NDArray[lm.inputs().size()];
      for (Map.Entry<Integer, String> e : presentByInput.entrySet()) {
        NDArray present = out.get(e.getValue());
        if (present == null) {
          throw new EvalException(ErrorCode.BACKEND_FAILURE, "the graph gave no output '" + e.getValue()
              + "' (the key/value cache after input " + e.getKey() + "); outputs: "
              + out.stream().map(NDArray::getName).toList());
        }
        present.attach(manager);
        next[e.getKey()] = present;
      }
      if (pasts != null) {
        for (NDArray old : pasts) {
          if (old != null) {
            old.close();
          }
        }
      }
      pasts = next;
      return result;
    }
  }

  private Logits liveRows(Logits all, int seq) {
    int vocab = all.vocab();
    FloatBuffer data = FloatBuffer.allocate(live.length * seq * vocab);
    for (int r = 0; r < live.length; r++) {
      for (int p = 0; p < seq; p++) {
        data.put(all.row(live[r], p));
      }
    }
    return new Logits(data.flip(), seq, vocab);
  }

  @Override
  public void keepRows(int[] rows) {
    int[] kept = new int[rows.length];
    for (int k = 0; k < rows.length; k++) {
      if (rows[k] < 0 || rows[k] >= live.length || (k > 0 && rows[k] <= rows[k - 1])) {
        throw new IllegalArgumentException("rows must be ascending indices below " + live.length + ": "
            + Arrays.toString(rows));
      }
      kept[k] = live[rows[k]];
    }
    boolean float32 = Arrays.stream(pasts).allMatch(a -> a == null || a.getDataType() == DataType.FLOAT32);
    if (!cutFinishedRows || !float32 || kept.length == 0) {
      live = kept;
      return;
    }
    for (int i = 0; i < pasts.length; i++) {
      if (pasts[i] != null) {
        NDArray cut = cutRows(pasts[i], kept);
        pasts[i].close();
        pasts[i] = cut;
      }
    }
    long[] cutMask = new long[kept.length * slots];
    long[] cutPositions = new long[kept.length];
    for (int k = 0; k < kept.length; k++) {
      System.arraycopy(mask, kept[k] * slots, cutMask, k * slots, slots);
      cutPositions[k] = nextPosition[kept[k]];
    }
    mask = cutMask;
    nextPosition = cutPositions;
    batch = kept.length;
    live = identity(batch);
  }

  /** {@code cache[rows]} along the batch axis, copied into a new float32 tensor. */
  private NDArray cutRows(NDArray cache, int[] rows) {
    Shape shape = cache.getShape();
    FloatBuffer all = cache.toByteBuffer().order(ByteOrder.nativeOrder()).asFloatBuffer();
    int rowSize = Math.toIntExact(shape.size() / shape.get(0));
    FloatBuffer cut = ByteBuffer.allocateDirect(rows.length * rowSize * Float.BYTES).order(ByteOrder.nativeOrder())
        .asFloatBuffer();
    float[] row = new float[rowSize];
    for (int r : rows) {
      all.get(r * rowSize, row, 0, rowSize);
      cut.put(row);
    }
    long[] dims = shape.getShape().clone();
    dims[0] = rows.length;
    NDArray out = manager.create(cut.flip(), new Shape(dims), DataType.FLOAT32);
    out.setName(cache.getName());
    return out;
  }

  private static int[] identity(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  @Override
  public void close() {
    manager.close();
  }
}
