package org.lmeval.plugin.djl;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes tiny ONNX models (protobuf by hand, opset 17) for graph-interface tests: a "successor" language
 * model whose logits favour token (t + 1) mod vocab after token t, declaring the optional inputs of Hugging
 * Face / Optimum decoder exports.
 */
final class OnnxGraphs {
  private OnnxGraphs() {}

  private static final int FLOAT = 1;
  private static final int INT64 = 7;
  private static final int BOOL = 9;
  private static final int INT32 = 6;

  /** Only {@code input_ids} as int32 [batch, seq]; logits = W[input_ids]. */
  static byte[] successorInt32(int vocab) {
    Msg graph = new Msg()
        .msg(1, node("Gather", List.of("W", "input_ids"), "logits"))
        .string(2, "successor32")
        .msg(5, weights(vocab))
        .msg(11, valueInfo("input_ids", INT32, "batch", "seq"))
        .msg(12, valueInfo("logits", FLOAT, "batch", "seq", vocab));
    return new Msg().varint(1, 8).string(2, "lmeval-test").msg(7, graph)
        .msg(8, new Msg().string(1, "").varint(2, 17)).toByteArray();
  }

  private static Msg weights(int vocab) {
    float[] w = new float[vocab * vocab];
    for (int t = 0; t < vocab; t++) {
      w[t * vocab + (t + 1) % vocab] = 3f;
    }
    ByteBuffer raw = ByteBuffer.allocate(w.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : w) {
      raw.putFloat(f);
    }
    return new Msg().varint(1, vocab).varint(1, vocab).varint(2, FLOAT).string(8, "W").bytes(9, raw.array());
  }

  /**
   * input_ids, attention_mask [batch, seq] int64; past_key_values.0.key / .value [batch, kvHeads, past, headDim]
   * float; use_cache_branch [1] bool. Output logits [batch, seq, vocab] = W[input_ids] + 0 * sum(past key)
   * and present.0.key (the past key passed through), as merged decoder exports have.
   */
  static byte[] successorWithPast(int vocab, int kvHeads, int headDim) {
    Msg weights = weights(vocab);
    Msg zero = new Msg().varint(2, FLOAT).string(8, "zero").bytes(9, new byte[4]);
    Msg graph = new Msg()
        .msg(1, node("Gather", List.of("W", "input_ids"), "gathered"))
        .msg(1, node("ReduceSum", List.of("past_key_values.0.key"), "past_sum").msg(5, intAttr("keepdims", 0)))
        .msg(1, node("Mul", List.of("past_sum", "zero"), "past_zero"))
        .msg(1, node("Add", List.of("gathered", "past_zero"), "logits"))
        .msg(1, node("Identity", List.of("past_key_values.0.key"), "present.0.key"))
        .string(2, "successor")
        .msg(5, weights)
        .msg(5, zero)
        .msg(11, valueInfo("input_ids", INT64, "batch", "seq"))
        .msg(11, valueInfo("attention_mask", INT64, "batch", "seq"))
        .msg(11, valueInfo("past_key_values.0.key", FLOAT, "batch", kvHeads, "past", headDim))
        .msg(11, valueInfo("past_key_values.0.value", FLOAT, "batch", kvHeads, "past", headDim))
        .msg(11, valueInfo("use_cache_branch", BOOL, 1))
        .msg(12, valueInfo("logits", FLOAT, "batch", "seq", vocab))
        .msg(12, valueInfo("present.0.key", FLOAT, "batch", kvHeads, "past", headDim));
    return new Msg()
        .varint(1, 8)
        .string(2, "lmeval-test")
        .msg(7, graph)
        .msg(8, new Msg().string(1, "").varint(2, 17))
        .toByteArray();
  }

  private static Msg node(String op, List<String> inputs, String output) {
    Msg n = new Msg();
    for (String in : inputs) {
      n.string(1, in);
    }
    return n.string(2, output).string(3, op + "_" + output).string(4, op);
  }

  private static Msg intAttr(String name, long value) {
    return new Msg().string(1, name).varint(3, value).varint(20, 2);
  }

  /** dims: Integer for a fixed size, String for a named dynamic one. */
  private static Msg valueInfo(String name, int elemType, Object... dims) {
    Msg shape = new Msg();
    for (Object d : dims) {
      shape.msg(1, d instanceof Integer i ? new Msg().varint(1, i) : new Msg().string(2, (String) d));
    }
    Msg tensorType = new Msg().varint(1, elemType).msg(2, shape);
    return new Msg().string(1, name).msg(2, new Msg().msg(1, tensorType));
  }

  /** A protobuf message being written. */
  private static final class Msg {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Msg varint(int field, long value) {
      tag(field, 0);
      raw(value);
      return this;
    }

    Msg string(int field, String value) {
      return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Msg bytes(int field, byte[] value) {
      tag(field, 2);
      raw(value.length);
      out.writeBytes(value);
      return this;
    }

    Msg msg(int field, Msg value) {
      return bytes(field, value.toByteArray());
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }

    private void tag(int field, int wireType) {
      raw(((long) field << 3) | wireType);
    }

    private void raw(long v) {
      while ((v & ~0x7FL) != 0) {
        out.write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      out.write((int) v);
    }
  }
}
