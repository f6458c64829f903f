package org.lmeval.plugin.datasets;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files written by Hugging Face {@code datasets} 5.2 and by pyarrow 26 with non-default options (codecs, data
 * page v2, no dictionary, delta and byte-stream-split encodings, legacy list naming) read exactly as pyarrow's
 * {@code to_pylist()} reads them (tools/datasets/gen_parquet_fixtures.py writes both sides).
 */
class ParquetGoldenTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"hf_arc_easy_validation", "hf_kitchen_sink", "pa_zstd_v2_pages", "pa_gzip_no_dictionary",
      "pa_delta_encodings", "pa_legacy_list_names"})
  void readsAsPyarrowDoes(String name) throws IOException, URISyntaxException {
    Path parquet = Path.of(getClass().getResource("/parquet/" + name + ".parquet").toURI());
    Path json = Path.of(getClass().getResource("/parquet/" + name + ".json").toURI());
    List<LinkedHashMap<String, Object>> expected = JSON.readValue(json.toFile(), new TypeReference<>() {});
    ParquetFilesTest.assertSameDocs(List.copyOf(expected), ParquetFiles.read(parquet));
  }
}
