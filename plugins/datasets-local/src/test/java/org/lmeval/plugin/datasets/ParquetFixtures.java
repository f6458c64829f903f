package org.lmeval.plugin.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Test-only Parquet writer: JSON-like rows to a Parquet file laid out as pyarrow / HF {@code datasets} write
 * it (optional fields, 3-level {@code list}/{@code element} lists, structs as groups), with the schema
 * inferred from the values as Arrow infers it from JSON, or given.
 */
final class ParquetFixtures {
  private ParquetFixtures() {}

  /** Writes {@code rows} with an inferred schema, {@code codec}, row groups of about 64 KiB. */
  @SuppressWarnings("unchecked")
  static void write(Path file, List<Map<String, Object>> rows, CompressionCodecName codec) throws IOException {
    Map<String, Object> shape = new LinkedHashMap<>();
    for (Map<String, Object> r : rows) {
      shape = (Map<String, Object>) merge(shape, shapeOf(r));
    }
    Types.MessageTypeBuilder b = Types.buildMessage();
    shape.forEach((k, v) -> b.addField(type(k, v)));
    write(file, b.named("schema"), rows, codec);
  }

  /** Writes {@code rows} with the given schema. */
  static void write(Path file, MessageType schema, List<Map<String, Object>> rows, CompressionCodecName codec)
      throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.deleteIfExists(file);
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withConf(new PlainParquetConfiguration()).withType(schema).withCompressionCodec(codec)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).withRowGroupSize(64L * 1024).build()) {
      for (Map<String, Object> r : rows) {
        Group g = groups.newGroup();
        fill(g, schema, r);
        w.write(g);
      }
    }
  }

  private static final Object NULL = "<null>";

  private static Object shapeOf(Object v) {
    if (v == null) {
      return NULL;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> s = new LinkedHashMap<>();
      m.forEach((k, x) -> s.put(String.valueOf(k), shapeOf(x)));
      return s;
    }
    if (v instanceof List<?> l) {
      Object e = NULL;
      for (Object x : l) {
        e = merge(e, shapeOf(x));
      }
      return List.of(e);
    }
    if (v instanceof Double || v instanceof Float) {
      return PrimitiveTypeName.DOUBLE;
    }
    if (v instanceof Number) {
      return PrimitiveTypeName.INT64;
    }
    if (v instanceof Boolean) {
      return PrimitiveTypeName.BOOLEAN;
    }
    return PrimitiveTypeName.BINARY;
  }

  @SuppressWarnings("unchecked")
  private static Object merge(Object a, Object b) {
    if (a == NULL) {
      return b;
    }
    if (b == NULL || a.equals(b)) {
      return a;
    }
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      return mergeStruct((Map<String, Object>) ma, (Map<String, Object>) mb);
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      return List.of(merge(la.get(0), lb.get(0)));
    }
    if (numeric(a) && numeric(b)) {
      return PrimitiveTypeName.DOUBLE;
    }
    throw new IllegalArgumentException("cannot merge " + a + " and " + b);
  }

  private static boolean numeric(Object t) {
    return t == PrimitiveTypeName.DOUBLE || t == PrimitiveTypeName.INT64;
  }

  private static Map<String, Object> mergeStruct(Map<String, Object> a, Map<String, Object> b) {
    Map<String, Object> out = new LinkedHashMap<>(a);
    b.forEach((k, v) -> out.merge(k, v, ParquetFixtures::merge));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Type type(String name, Object shape) {
    if (shape instanceof Map<?, ?> m) {
      Types.GroupBuilder<GroupType> g = Types.optionalGroup();
      ((Map<String, Object>) m).forEach((k, v) -> g.addField(type(k, v)));
      return g.named(name);
    }
    if (shape instanceof List<?> l) {
      return Types.optionalGroup().as(LogicalTypeAnnotation.listType())
          .addField(Types.repeatedGroup().addField(type("element", l.get(0))).named("list")).named(name);
    }
    if (shape == NULL || shape == PrimitiveTypeName.BINARY) {
      return Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
    }
    return Types.optional((PrimitiveTypeName) shape).named(name);
  }

  @SuppressWarnings("unchecked")
  private static void fill(Group g, GroupType type, Map<String, Object> values) {
    for (Type f : type.getFields()) {
      Object v = values.get(f.getName());
      if (v == null) {
        continue;
      }
      if (f.isRepetition(Type.Repetition.REPEATED)) {
        for (Object x : (List<Object>) v) {
          add(g, f, x);
        }
      } else {
        add(g, f, v);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void add(Group g, Type f, Object v) {
    String name = f.getName();
    if (f.isPrimitive()) {
      PrimitiveType p = f.asPrimitiveType();
      switch (p.getPrimitiveTypeName()) {
        case BINARY -> g.append(name, v instanceof byte[] bytes ? Binary.fromConstantByteArray(bytes)
            : Binary.fromString(String.valueOf(v)));
        case INT32 -> g.append(name, ((Number) v).intValue());
        case INT64 -> g.append(name, ((Number) v).longValue());
        case FLOAT -> g.append(name, ((Number) v).floatValue());
        case DOUBLE -> g.append(name, ((Number) v).doubleValue());
        case BOOLEAN -> g.append(name, (Boolean) v);
        default -> throw new IllegalArgumentException("unsupported " + p);
      }
      return;
    }
    GroupType gt = f.asGroupType();
    Group child = g.addGroup(name);
    if (gt.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
      Type repeated = gt.getType(0);
      boolean threeLevel = !repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1;
      for (Object x : (List<Object>) v) {
        if (threeLevel) {
          Group item = child.addGroup(repeated.getName());
          if (x != null) {
            add(item, repeated.asGroupType().getType(0), x);
          }
        } else {
          add(child, repeated, x);
        }
      }
      return;
    }
    if (gt.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation) {
      GroupType kv = gt.getType(0).asGroupType();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
        Group entry = child.addGroup(kv.getName());
        add(entry, kv.getType(0), e.getKey());
        if (e.getValue() != null) {
          add(entry, kv.getType(1), e.getValue());
        }
      }
      return;
    }
    fill(child, gt, (Map<String, Object>) v);
  }
}
