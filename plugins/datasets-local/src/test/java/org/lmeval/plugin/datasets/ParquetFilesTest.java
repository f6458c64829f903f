package org.lmeval.plugin.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.dataset.DatasetRequest;

class ParquetFilesTest {
  @TempDir
  Path dir;

  private static List<Map<String, Object>> mirror(String dataset) {
    return Records.asTable(JsonFiles.read(SharedData.datasets().resolve(dataset), null));
  }

  /** The JSONL mirror written to Parquet reads back as the same documents (same values, types, key order). */
  @ParameterizedTest
  @ValueSource(strings = {"allenai/ai2_arc/ARC-Easy/validation.jsonl", "google/IFEval/default/train.jsonl",
      "aps/super_glue/boolq/validation.jsonl", "allenai/winogrande/winogrande_xl/validation.jsonl",
      "openai/gsm8k/main/test.jsonl", "cais/mmlu/anatomy/test.jsonl"})
  void mirrorFilesRoundTrip(String dataset) throws IOException {
    List<Map<String, Object>> docs = mirror(dataset);
    Path file = dir.resolve("x.parquet");
    ParquetFixtures.write(file, docs, CompressionCodecName.SNAPPY);
    assertSameDocs(docs, Records.asTable(ParquetFiles.read(file)));
  }

  @Test
  @Tag("slow")
  void everyMirrorFileRoundTrips() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(SharedData.datasets())) {
      files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
    for (Path f : files) {
      List<Map<String, Object>> docs = Records.asTable(JsonFiles.read(f, null));
      Path file = dir.resolve("all.parquet");
      ParquetFixtures.write(file, docs, CompressionCodecName.ZSTD);
      assertSameDocs(docs, Records.asTable(ParquetFiles.read(file)));
    }
  }

  /** Through the provider: dataset_path parquet with data_files gives the mirror's documents. */
  @Test
  void parquetDataFilesThroughTheProviderMatchTheMirror() throws IOException {
    List<Map<String, Object>> test = mirror("allenai/ai2_arc/ARC-Challenge/test.jsonl");
    List<Map<String, Object>> half1 = test.subList(0, 600);
    List<Map<String, Object>> half2 = test.subList(600, test.size());
    ParquetFixtures.write(dir.resolve("data/test-00000-of-00002.parquet"), half1, CompressionCodecName.SNAPPY);
    ParquetFixtures.write(dir.resolve("data/test-00001-of-00002.parquet"), half2, CompressionCodecName.GZIP);
    List<Map<String, Object>> fromMirror = new MirrorDatasetProvider().load(new DatasetRequest("allenai/ai2_arc",
        "ARC-Challenge", "test", Map.of(), org.lmeval.api.Options.of("s",
            Map.of("dataset_dir", SharedData.datasets().toString())))).orElseThrow();
    List<Map<String, Object>> fromParquet = new LocalFilesDatasetProvider().load(new DatasetRequest("parquet", null,
        "test", Map.of("data_files", Map.of("test", dir.resolve("data/test-*.parquet").toString())), null))
        .orElseThrow();
    assertSameDocs(fromMirror, fromParquet);
    Map<String, Object> first = fromParquet.get(0);
    assertEquals(List.of("id", "question", "choices", "answerKey"), List.copyOf(first.keySet()));
    assertEquals(List.of("text", "label"), List.copyOf(((Map<?, ?>) first.get("choices")).keySet()));
  }

  /** Physical and logical types, nulls at every level, legacy lists, maps, dictionaries, codecs. */
  @ParameterizedTest
  @ValueSource(strings = {"UNCOMPRESSED", "SNAPPY", "ZSTD", "GZIP", "LZ4_RAW"})
  void kitchenSink(String codec) throws IOException {
    MessageType schema = MessageTypeParser.parseMessageType("""
        message m {
          optional binary s (STRING);
          optional int32 i8 (INTEGER(8,true));
          optional int32 u32 (INTEGER(32,false));
          optional int64 big;
          optional float f;
          optional double d;
          optional boolean b;
          optional binary raw;
          optional group nums (LIST) { repeated group list { optional int64 element; } }
          optional group legacy (LIST) { repeated binary array (STRING); }
          optional group pairs (LIST) { repeated group list { optional group element {
              optional binary k (STRING); optional int64 v; } } }
          optional group nested { optional group inner { optional binary t (STRING); optional double x; }
              optional group tags (LIST) { repeated group list { optional binary element (STRING); } } }
          optional group kw (MAP) { repeated group key_value { required binary key (STRING);
              optional int64 value; } }
          repeated int32 bare;
        }""");
    Map<String, Object> full = new LinkedHashMap<>();
    full.put("s", "héllo 🌍 \u2028 中文");
    full.put("i8", -128);
    full.put("u32", 4_000_000_000L);
    full.put("big", Long.MAX_VALUE);
    full.put("f", 0.1);
    full.put("d", -2.5e-300);
    full.put("b", true);
    full.put("raw", new byte[] {0, 1, (byte) 0xff});
    full.put("nums", Arrays.asList(1L, null, 3L));
    full.put("legacy", List.of("a", "b"));
    Map<String, Object> pair = new LinkedHashMap<>();
    pair.put("k", "x");
    pair.put("v", null);
    full.put("pairs", Arrays.asList(pair, null));
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("t", "deep");
    inner.put("x", 1.5);
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("inner", inner);
    nested.put("tags", List.of());
    full.put("nested", nested);
    Map<String, Object> kw = new LinkedHashMap<>();
    kw.put("z", 1L);
    kw.put("a", null);
    full.put("kw", kw);
    full.put("bare", List.of(7, 8));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      rows.add(i % 3 == 0 ? full : Map.of("s", "row " + (i % 5), "bare", List.of()));
    }
    Path file = dir.resolve("sink.parquet");
    ParquetFixtures.write(file, schema, rows, CompressionCodecName.valueOf(codec));
    List<Map<String, Object>> read = ParquetFiles.read(file);
    assertEquals(3000, read.size());
    Map<String, Object> r = read.get(0);
    assertEquals(List.of("s", "i8", "u32", "big", "f", "d", "b", "raw", "nums", "legacy", "pairs", "nested", "kw",
        "bare"), List.copyOf(r.keySet()));
    assertEquals("héllo 🌍 \u2028 中文", r.get("s"));
    assertEquals(-128, r.get("i8"));
    assertEquals(4_000_000_000L, r.get("u32"));
    assertEquals(Long.MAX_VALUE, r.get("big"));
    assertEquals((double) 0.1f, r.get("f"), "float32 widens as pyarrow does");
    assertEquals(-2.5e-300, r.get("d"));
    assertEquals(true, r.get("b"));
    assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, (byte[]) r.get("raw"));
    assertEquals(Arrays.asList(1, null, 3), r.get("nums"));
    assertEquals(List.of("a", "b"), r.get("legacy"));
    assertEquals(Arrays.asList(pair, null), r.get("pairs"));
    assertEquals(nested, r.get("nested"));
    assertEquals(List.of("z", "a"), List.copyOf(((Map<?, ?>) r.get("kw")).keySet()));
    Map<String, Object> kwRead = new LinkedHashMap<>();
    kwRead.put("z", 1);
    kwRead.put("a", null);
    assertEquals(kwRead, r.get("kw"), "int64 values that fit read as Integer, as from JSON");
    assertEquals(List.of(7, 8), r.get("bare"));
    Map<String, Object> sparse = read.get(1);
    assertEquals("row 1", sparse.get("s"));
    assertEquals(14, sparse.size(), "absent fields are null, not missing");
    assertTrue(sparse.get("nums") == null && sparse.get("nested") == null && sparse.get("kw") == null);
    assertEquals(List.of(), sparse.get("bare"));
    assertEquals("row 4", read.get(2999).get("s"), "row groups in order");
  }

  @Test
  void unreadableFilesNameTheFile() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.parquet"), "not parquet at all");
    EvalException e = assertThrows(EvalException.class, () -> ParquetFiles.read(bad));
    assertEquals(ErrorCode.INVALID_TASK, e.code());
    assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
  }

  static void assertSameDocs(List<Map<String, Object>> expected, List<Map<String, Object>> actual) {
    assertEquals(expected.size(), actual.size(), "row count");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), "row " + i);
      assertEquals(List.copyOf(expected.get(i).keySet()), List.copyOf(actual.get(i).keySet()), "key order, row " + i);
    }
  }
}
