package org.lmeval.plugin.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.dataset.DatasetRequest;

class LocalFilesDatasetProviderTest {
  @TempDir
  Path dir;
  final LocalFilesDatasetProvider provider = new LocalFilesDatasetProvider();

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private List<Map<String, Object>> load(String kind, String split, Object dataFiles) {
    return provider.load(new DatasetRequest(kind, null, split, Map.of("data_files", dataFiles), null)).orElseThrow();
  }

  @Test
  void jsonLinesKeepKeyOrderAndTypesAndBecomeATable() throws IOException {
    Path f = write("a.jsonl", "{\"b\": 1, \"a\": \"x\", \"n\": {\"k\": [1, 2]}}\n\n{\"b\": 2.5, \"c\": null}\n");
    List<Map<String, Object>> rows = load("json", "test", Map.of("test", f.toString()));
    assertEquals(2, rows.size());
    assertEquals(List.of("b", "a", "n", "c"), List.copyOf(rows.get(0).keySet()), "every row has every column");
    assertEquals(1.0, rows.get(0).get("b"), "a column mixing ints and floats holds floats");
    assertEquals(Map.of("k", List.of(1, 2)), rows.get(0).get("n"));
    assertNull(rows.get(0).get("c"));
    assertNull(rows.get(1).get("a"));
  }

  /** Files made by the gzip, bzip2, xz and zstd command-line tools from {@code compressed/rows.jsonl}. */
  @ParameterizedTest
  @ValueSource(strings = {"gz", "bz2", "xz", "zst"})
  void compressedFilesAreReadAsDatasetsInfersTheirCompression(String extension) throws Exception {
    Path folder = Path.of(getClass().getResource("/compressed/rows.jsonl").toURI()).getParent();
    List<Map<String, Object>> plain = load("json", "test", Map.of("test", folder.resolve("rows.jsonl").toString()));
    assertEquals(2, plain.size());
    assertEquals("caf\u00e9 \u00e9t\u00e9", plain.get(1).get("question"));
    assertEquals(plain, load("json", "test", Map.of("test", folder.resolve("rows.jsonl." + extension).toString())));
  }

  @Test
  void aDamagedCompressedFileNamesTheFile() throws IOException {
    Path f = write("broken.jsonl.gz", "{\"not\": \"gzip\"}\n");
    EvalException e = assertThrows(EvalException.class, () -> load("json", "train", f.toString()));
    assertEquals(ErrorCode.INVALID_TASK, e.code());
    assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("gz"), e.getMessage());
  }

  @Test
  void dataFilesMayBeAStringAListOrASplitMapWithGlobs() throws IOException {
    Path a = write("p/1.jsonl", "{\"x\": 1}\n");
    write("p/2.jsonl", "{\"x\": 2}\n{\"x\": 3}\n");
    assertEquals(1, load("json", "train", a.toString()).size(), "a single file is the train split");
    assertEquals(3, load("json", "train", List.of(a.toString(), dir.resolve("p/2.jsonl").toString())).size());
    assertEquals(List.of(1, 2, 3), load("json", "test", Map.of("test", dir.resolve("p/*.jsonl").toString()))
        .stream().map(r -> r.get("x")).toList());
    EvalException e = assertThrows(EvalException.class, () -> load("json", "validation", Map.of("test", a.toString())));
    assertTrue(e.getMessage().contains("no split 'validation'") && e.getMessage().contains("test"), e.getMessage());
  }

  @Test
  void malformedOrMissingFilesNameFileAndLine() throws IOException {
    Path f = write("bad.jsonl", "{\"x\": 1}\n{\"x\": \n{\"x\": 3}\n");
    EvalException e = assertThrows(EvalException.class, () -> load("json", "train", f.toString()));
    assertEquals(ErrorCode.INVALID_TASK, e.code());
    assertTrue(e.getMessage().contains(f + " line 2"), e.getMessage());
    EvalException missing = assertThrows(EvalException.class, () -> load("json", "train", "/nonexistent/x.jsonl"));
    assertTrue(missing.getMessage().contains("/nonexistent/x.jsonl does not exist"), missing.getMessage());
  }

  @Test
  void jsonArraysFieldsAndColumnTables() throws IOException {
    Path arr = write("arr.json", "[{\"q\": \"a\"}, {\"q\": \"b\"}]");
    assertEquals(2, load("json", "train", arr.toString()).size());
    Path nested = write("nested.json", "{\"data\": [{\"q\": \"a\"}], \"version\": 1}");
    Map<String, Object> kwargs = new LinkedHashMap<>();
    kwargs.put("data_files", nested.toString());
    kwargs.put("field", "data");
    assertEquals(List.of(Map.of("q", "a")), provider.load(new DatasetRequest("json", null, "train", kwargs, null))
        .orElseThrow());
    Path oneLine = write("line.json", "{\"q\": [\"a\", \"b\"], \"n\": [1, 2]}");
    assertEquals(List.of(Map.of("q", List.of("a", "b"), "n", List.of(1, 2))), load("json", "train", oneLine.toString()),
        "one line is one JSON Lines record, as pyarrow reads it");
    Path columns = write("cols.json", "{\n  \"q\": [\"a\", \"b\"],\n  \"n\": [1, 2]\n}\n");
    assertEquals(Map.of("q", "b", "n", 2), load("json", "train", columns.toString()).get(1),
        "a document that is not JSON Lines and holds a {column: [values]} object is a table");
  }

  @Test
  void csvInfersColumnTypesAsPandasDoes() throws IOException {
    Path f = write("t.csv", "q,n,f,b,s\n\"a, \"\"quoted\"\"\nline\",1,1.5,True,x\nb,2,,False,NA\n");
    List<Map<String, Object>> rows = load("csv", "train", f.toString());
    assertEquals("a, \"quoted\"\nline", rows.get(0).get("q"));
    assertEquals(1, rows.get(0).get("n"));
    assertEquals(1.5, rows.get(0).get("f"));
    assertNull(rows.get(1).get("f"));
    assertEquals(true, rows.get(0).get("b"));
    assertNull(rows.get(1).get("s"), "pandas' missing-value markers read as null");
  }

  @Test
  void textGivesOneRecordPerLine() throws IOException {
    Path f = write("t.txt", "one\r\ntwo\n\nthree\n");
    assertEquals(List.of("one", "two", "", "three"), load("text", "train", f.toString()).stream()
        .map(r -> r.get("text")).toList());
  }

  @Test
  void otherDatasetPathsAreNotHandled() {
    assertTrue(provider.load(new DatasetRequest("allenai/ai2_arc", "ARC-Easy", "test", Map.of(), null)).isEmpty());
    EvalException e = assertThrows(EvalException.class, () -> load("parquet", "train", "x.parquet"));
    assertTrue(e.getMessage().contains("parquet"), e.getMessage());
  }
}
