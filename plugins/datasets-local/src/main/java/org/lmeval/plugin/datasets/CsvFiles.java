package org.lmeval.plugin.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/**
 * Reads CSV data files as Hugging Face's {@code csv} loader (pandas {@code read_csv} with default options)
 * mostly does: a header row, {@code "} quoting with doubled quotes, fields spanning lines; per column, all
 * integers → integers (floats if a value is missing), all numbers → floats, all {@code True/False} →
 * booleans, else strings; pandas' missing-value markers ({@code ""}, {@code NA}, {@code NaN}, {@code null},
 * ...) → null.
 */
final class CsvFiles {
  private static final Set<String> NA = Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan",
      "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null");

  private CsvFiles() {}

  static List<Map<String, Object>> read(Path file, char sep) {
    String text = DataText.readWithoutBom(file);
    List<List<String>> records = parse(file, text, sep);
    if (records.isEmpty()) {
      return List.of();
    }
    List<String> header = records.get(0);
    int columns = header.size();
    List<List<String>> rows = records.subList(1, records.size());
    for (int r = 0; r < rows.size(); r++) {
      if (rows.get(r).size() > columns) {
        throw new EvalException(ErrorCode.INVALID_TASK, "data file " + file + ": record " + (r + 2) + " has "
            + rows.get(r).size() + " fields, the header has " + columns);
      }
    }
    List<Object[]> values = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      values.add(new Object[columns]);
    }
    for (int c = 0; c < columns; c++) {
      boolean ints = true;
      boolean floats = true;
      boolean bools = true;
      boolean missing = false;
      for (List<String> row : rows) {
        String v = c < row.size() ? row.get(c) : "";
        if (NA.contains(v)) {
          missing = true;
          continue;
        }
        ints &= isInt(v);
        floats &= isFloat(v);
        bools &= v.equals("True") || v.equals("False") || v.equals("TRUE") || v.equals("FALSE")
            || v.equals("true") || v.equals("false");
      }
      for (int r = 0; r < rows.size(); r++) {
        List<String> row = rows.get(r);
        String v = c < row.size() ? row.get(c) : "";
        Object out;
        if (NA.contains(v)) {
          out = null;
        } else if (ints && !missing) {
          out = toInt(v.strip());
        } else if (ints || floats) {
          out = Double.parseDouble(v.strip());
        } else if (bools && !missing) {
          out = v.equalsIgnoreCase("true");
        } else {
          out = v;
        }
        values.get(r)[c] = out;
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object[] row : values) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int c = 0; c < columns; c++) {
        m.put(header.get(c), row[c]);
      }
      out.add(m);
    }
    return out;
  }

  private static boolean isInt(String v) {
    return v.strip().matches("[+-]?[0-9]+");
  }

  private static boolean isFloat(String v) {
    String s = v.strip();
    return s.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?") || s.equalsIgnoreCase("inf")
        || s.equalsIgnoreCase("-inf") || s.equalsIgnoreCase("+inf");
  }

  private static Object toInt(String s) {
    long l = Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
    return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
  }

  /** RFC 4180 records; blank lines are skipped, as pandas does. */
  static List<List<String>> parse(Path file, String text, char sep) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    int line = 1;
    int quoteLine = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (ch == '\n') {
            line++;
          }
          field.append(ch);
        }
        continue;
      }
      if (ch == '"' && field.length() == 0) {
        quoted = true;
        fieldStarted = true;
        quoteLine = line;
      } else if (ch == sep) {
        record.add(field.toString());
        field.setLength(0);
        fieldStarted = true;
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        line++;
        if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
          record.add(field.toString());
          records.add(record);
        }
        record = new ArrayList<>();
        field.setLength(0);
        fieldStarted = false;
      } else {
        field.append(ch);
        fieldStarted = true;
      }
    }
    if (quoted) {
      throw new EvalException(ErrorCode.INVALID_TASK, "malformed CSV in data file " + file + ": the quoted field "
          + "opened on line " + quoteLine + " is never closed");
    }
    if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }
}
