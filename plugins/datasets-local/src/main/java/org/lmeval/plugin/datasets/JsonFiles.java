package org.lmeval.plugin.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/**
 * Reads JSON data files as Hugging Face's {@code json} loader does: JSON Lines (one object per line), or a
 * whole document that is an array of objects, or (with {@code field}) the array under that key of a
 * top-level object. Errors name the file and line.
 */
final class JsonFiles {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private JsonFiles() {}

  static List<Map<String, Object>> read(Path file, String field) {
    String text = DataText.readWithoutBom(file);
    String trimmed = text.stripLeading();
    if (field != null || trimmed.startsWith("[")) {
      return whole(file, text, field);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    int line = 0;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      line++;
      String s = text.substring(start, end);
      if (!s.isBlank()) {
        try {
          rows.add(MAPPER.readValue(s, MAP));
        } catch (JsonProcessingException e) {
          if (line == 1 && trimmed.startsWith("{")) {
            // not JSON Lines: maybe one object spread over several lines
            return whole(file, text, null);
          }
          throw new EvalException(ErrorCode.INVALID_TASK, "malformed JSON in data file " + file + " line " + line
              + ": " + e.getOriginalMessage(), e);
        }
      }
      start = end + 1;
    }
    return rows;
  }

  private static List<Map<String, Object>> whole(Path file, String text, String field) {
    Object doc;
    try {
      doc = MAPPER.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new EvalException(ErrorCode.INVALID_TASK, "malformed JSON in data file " + file + " line " + line + ": "
          + e.getOriginalMessage(), e);
    }
    if (field != null) {
      if (!(doc instanceof Map<?, ?> m) || !m.containsKey(field)) {
        throw new EvalException(ErrorCode.INVALID_TASK, "data file " + file + " has no top-level field '" + field
            + "'");
      }
      doc = m.get(field);
    }
    if (doc instanceof Map<?, ?> columns) {
      return fromColumns(file, columns);
    }
    if (!(doc instanceof List<?> list)) {
      throw new EvalException(ErrorCode.INVALID_TASK, "data file " + file + " is not a list of records");
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    int i = 0;
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> m)) {
        throw new EvalException(ErrorCode.INVALID_TASK, "data file " + file + ": record " + i + " is not an object");
      }
      Map<String, Object> row = new LinkedHashMap<>();
      m.forEach((k, v) -> row.put(String.valueOf(k), v));
      rows.add(row);
      i++;
    }
    return rows;
  }

  /** A {column: [values]} object, as HF reads it. */
  private static List<Map<String, Object>> fromColumns(Path file, Map<?, ?> columns) {
    int n = -1;
    for (Map.Entry<?, ?> e : columns.entrySet()) {
      if (!(e.getValue() instanceof List<?> l) || (n >= 0 && l.size() != n)) {
        throw new EvalException(ErrorCode.INVALID_TASK, "data file " + file + " is an object but not a "
            + "{column: [values]} table of equal-length lists (column '" + e.getKey() + "')");
      }
      n = l.size();
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < Math.max(n, 0); i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : columns.entrySet()) {
        row.put(String.valueOf(e.getKey()), ((List<?>) e.getValue()).get(i));
      }
      rows.add(row);
    }
    return rows;
  }
}
