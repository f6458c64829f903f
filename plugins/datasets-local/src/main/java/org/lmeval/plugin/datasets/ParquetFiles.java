package org.lmeval.plugin.datasets;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/**
 * Reads Parquet files as Hugging Face {@code datasets} (pyarrow's {@code to_pylist()}) sees them: one row per
 * record, row groups in order; structs become maps with every field (absent ones null), LIST and bare
 * repeated fields lists, MAP maps keyed by the key's text; strings {@code String}, other binaries
 * {@code byte[]}; integers {@code Integer} when they fit else {@code Long} (as the JSON reader gives them),
 * FLOAT widened to {@code Double}, DECIMAL {@code BigDecimal}. Built on parquet-java's record assembly.
 */
public final class ParquetFiles {
  /**
   * Hadoop's codec pool logs every codec at INFO and warns that its native library is absent; neither is news
   * to a user reading a data file. Held here so that java.util.logging keeps the levels.
   */
  private static final java.util.logging.Logger HADOOP_LOG = quiet("org.apache.hadoop", java.util.logging.Level.SEVERE);
  private static final java.util.logging.Logger PARQUET_LOG = quiet("org.apache.parquet", java.util.logging.Level.WARNING);

  private ParquetFiles() {}

  private static java.util.logging.Logger quiet(String name, java.util.logging.Level level) {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger(name);
    if (log.getLevel() == null) {
      log.setLevel(level);
    }
    return log;
  }

  /** Every row of {@code file}. */
  public static List<Map<String, Object>> read(Path file) {
    List<Map<String, Object>> rows = new ArrayList<>();
    ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
      MessageColumnIO io = new ColumnIOFactory(createdBy).getColumnIO(schema);
      RowMaterializer materializer = new RowMaterializer(schema);
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        RecordReader<Map<String, Object>> records = io.getRecordReader(pages, materializer);
        for (long i = 0, n = pages.getRowCount(); i < n; i++) {
          rows.add(records.read());
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof EvalException ee) {
        throw ee;
      }
      throw new EvalException(ErrorCode.INVALID_TASK, "cannot read parquet data file " + file + ": " + e, e);
    } catch (LinkageError e) {
      throw new EvalException(ErrorCode.INVALID_TASK, "cannot read parquet data file " + file + ": " + e
          + " (a compression codec this reader lacks, e.g. BROTLI? rewrite it with SNAPPY or ZSTD)", e);
    }
    return rows;
  }

  private static final class RowMaterializer extends RecordMaterializer<Map<String, Object>> {
    private final StructConverter root;
    private Map<String, Object> current;

    RowMaterializer(MessageType schema) {
      root = new StructConverter(schema, v -> current = castMap(v));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object v) {
      return (Map<String, Object>) v;
    }

    @Override
    public Map<String, Object> getCurrentRecord() {
      return current;
    }

    @Override
    public GroupConverter getRootConverter() {
      return root;
    }
  }

  /** The converter for one field's values, delivering each to {@code sink}. */
  private static Converter converterFor(Type type, Consumer<Object> sink) {
    if (type.isPrimitive()) {
      return new ValueConverter(type.asPrimitiveType(), sink);
    }
    GroupType group = type.asGroupType();
    LogicalTypeAnnotation a = group.getLogicalTypeAnnotation();
    if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation && group.getFieldCount() == 1
        && group.getType(0).isRepetition(Type.Repetition.REPEATED)) {
      return new ListConverter(group, sink);
    }
    if ((a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) && group.getFieldCount() == 1
        && !group.getType(0).isPrimitive() && group.getType(0).asGroupType().getFieldCount() == 2) {
      return new MapConverter(group, sink);
    }
    return new StructConverter(group, sink);
  }

  /** A struct: a map pre-filled with every field (repeated fields as empty lists). */
  private static final class StructConverter extends GroupConverter {
    private final GroupType type;
    private final Converter[] fields;
    private final Consumer<Object> sink;
    private Map<String, Object> current;

    StructConverter(GroupType type, Consumer<Object> sink) {
      this.type = type;
      this.sink = sink;
      fields = new Converter[type.getFieldCount()];
      for (int i = 0; i < fields.length; i++) {
        Type f = type.getType(i);
        String name = f.getName();
        if (f.isRepetition(Type.Repetition.REPEATED)) {
          fields[i] = converterFor(f, v -> list(name).add(v));
        } else {
          fields[i] = converterFor(f, v -> current.put(name, v));
        }
      }
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(String name) {
      return (List<Object>) current.get(name);
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return fields[fieldIndex];
    }

    @Override
    public void start() {
      current = new LinkedHashMap<>();
      for (Type f : type.getFields()) {
        current.put(f.getName(), f.isRepetition(Type.Repetition.REPEATED) ? new ArrayList<>() : null);
      }
    }

    @Override
    public void end() {
      sink.accept(current);
    }
  }

  /**
   * A LIST group with the Parquet spec's backward-compatibility rules: the repeated child is the element
   * itself when it is primitive, has several fields, or is named {@code array} or {@code <list>_tuple};
   * otherwise it wraps one (possibly null) element.
   */
  private static final class ListConverter extends GroupConverter {
    private final Converter child;
    private final Consumer<Object> sink;
    private List<Object> current;

    ListConverter(GroupType type, Consumer<Object> sink) {
      this.sink = sink;
      Type repeated = type.getType(0);
      boolean elementItself = repeated.isPrimitive() || repeated.asGroupType().getFieldCount() != 1
          || repeated.getName().equals("array") || repeated.getName().equals(type.getName() + "_tuple");
      if (elementItself) {
        child = converterFor(repeated, v -> current.add(v));
      } else {
        child = new ElementWrapper(repeated.asGroupType().getType(0), v -> current.add(v));
      }
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return child;
    }

    @Override
    public void start() {
      current = new ArrayList<>();
    }

    @Override
    public void end() {
      sink.accept(current);
    }
  }

  /** The 3-level list's repeated group: adds its one element, or null when the element is absent. */
  private static final class ElementWrapper extends GroupConverter {
    private final Converter element;
    private final Consumer<Object> sink;
    private Object value;

    ElementWrapper(Type elementType, Consumer<Object> sink) {
      this.sink = sink;
      element = converterFor(elementType, v -> value = v);
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return element;
    }

    @Override
    public void start() {
      value = null;
    }

    @Override
    public void end() {
      sink.accept(value);
    }
  }

  /** A MAP group: key/value pairs into a map keyed by the key's text. */
  private static final class MapConverter extends GroupConverter {
    private final Converter entry;
    private final Consumer<Object> sink;
    private Map<String, Object> current;

    MapConverter(GroupType type, Consumer<Object> sink) {
      this.sink = sink;
      GroupType kv = type.getType(0).asGroupType();
      Object[] pair = new Object[2];
      Converter key = converterFor(kv.getType(0), v -> pair[0] = v);
      Converter value = converterFor(kv.getType(1), v -> pair[1] = v);
      entry = new GroupConverter() {
        @Override
        public Converter getConverter(int fieldIndex) {
          return fieldIndex == 0 ? key : value;
        }

        @Override
        public void start() {
          pair[0] = null;
          pair[1] = null;
        }

        @Override
        public void end() {
          current.put(String.valueOf(pair[0]), pair[1]);
        }
      };
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return entry;
    }

    @Override
    public void start() {
      current = new LinkedHashMap<>();
    }

    @Override
    public void end() {
      sink.accept(current);
    }
  }

  /** A primitive column's values as JSON-like Java values. */
  private static final class ValueConverter extends PrimitiveConverter {
    private final Consumer<Object> sink;
    private final PrimitiveType.PrimitiveTypeName physical;
    private final boolean text;
    private final boolean unsigned;
    private final int decimalScale;
    private Object[] dictionary;

    ValueConverter(PrimitiveType type, Consumer<Object> sink) {
      this.sink = sink;
      physical = type.getPrimitiveTypeName();
      LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
      text = a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
          || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
          || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
      unsigned = a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned();
      decimalScale = a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d ? d.getScale() : -1;
    }

    @Override
    public boolean hasDictionarySupport() {
      return true;
    }

    @Override
    public void setDictionary(Dictionary d) {
      dictionary = new Object[d.getMaxId() + 1];
      Object[] out = new Object[1];
      ValueConverter decode = new ValueConverter(this, v -> out[0] = v);
      for (int i = 0; i < dictionary.length; i++) {
        switch (physical) {
          case BINARY, FIXED_LEN_BYTE_ARRAY, INT96 -> decode.addBinary(d.decodeToBinary(i));
          case INT32 -> decode.addInt(d.decodeToInt(i));
          case INT64 -> decode.addLong(d.decodeToLong(i));
          case FLOAT -> decode.addFloat(d.decodeToFloat(i));
          case DOUBLE -> decode.addDouble(d.decodeToDouble(i));
          case BOOLEAN -> decode.addBoolean(d.decodeToBoolean(i));
          default -> throw new IllegalStateException("unknown physical type " + physical);
        }
        dictionary[i] = out[0];
      }
    }

    private ValueConverter(ValueConverter like, Consumer<Object> sink) {
      this.sink = sink;
      physical = like.physical;
      text = like.text;
      unsigned = like.unsigned;
      decimalScale = like.decimalScale;
    }

    @Override
    public void addValueFromDictionary(int dictionaryId) {
      sink.accept(dictionary[dictionaryId]);
    }

    @Override
    public void addBinary(Binary value) {
      if (text) {
        sink.accept(value.toStringUsingUTF8());
      } else if (decimalScale >= 0) {
        sink.accept(new BigDecimal(new BigInteger(value.getBytes()), decimalScale));
      } else {
        sink.accept(value.getBytes());
      }
    }

    @Override
    public void addBoolean(boolean value) {
      sink.accept(value);
    }

    @Override
    public void addDouble(double value) {
      sink.accept(value);
    }

    @Override
    public void addFloat(float value) {
      sink.accept((double) value);
    }

    @Override
    public void addInt(int value) {
      if (decimalScale >= 0) {
        sink.accept(BigDecimal.valueOf(value, decimalScale));
      } else if (unsigned && value < 0) {
        sink.accept(Integer.toUnsignedLong(value));
      } else {
        sink.accept(value);
      }
    }

    @Override
    public void addLong(long value) {
      if (decimalScale >= 0) {
        sink.accept(BigDecimal.valueOf(value, decimalScale));
      } else if (unsigned && value < 0) {
        sink.accept(new BigInteger(Long.toUnsignedString(value)));
      } else if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
        sink.accept((int) value);
      } else {
        sink.accept(value);
      }
    }
  }
}
