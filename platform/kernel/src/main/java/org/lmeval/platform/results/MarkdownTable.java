package org.lmeval.platform.results;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.lmeval.api.support.PythonStrings;
import org.lmeval.platform.python.PythonFloat;
import org.lmeval.platform.python.PythonStr;

/**
 * The Markdown table of pytablewriter 1.2's {@code MarkdownTableWriter.dumps()} (what lm-eval's
 * {@code make_table} prints), for cells that are Python {@code str}, {@code int}, {@code float},
 * {@code bool} or {@code None}.
 *
 * <p>pytablewriter infers a type per cell (typepy: a string {@code "0.3000"} is a real number,
 * {@code "1.0"} and {@code "0.0000"} integers, {@code ""} a null string, {@code "nan"}/{@code "inf"} NaN and
 * infinity, {@code "true"} a bool), where a cell that fits the column's most common type so far keeps
 * that type (so once strings dominate a column, {@code "0.0000"} stays a string). The column's type then
 * decides its alignment ({@code ---:} for numbers) and how numeric cells print: a real-number column
 * prints every number with the largest number of decimals any of its cells has ({@code "0.3000"} counts
 * 1, as {@code str(0.3)}), so {@code 999} prints {@code 999.0} next to {@code 0.3000}. Headers are
 * centred; widths count East Asian wide characters twice. Not covered: dates, IP addresses, lists and
 * dicts as cells (printed via {@code str()} as strings).
 */
public final class MarkdownTable {
  private static final int MIN_COLUMN_WIDTH = 3;
  private static final int MAX_PRECISION = 100;
  private static final Pattern THOUSAND_SEP = Pattern.compile("\\d{1,3}(,\\d{1,3})+");
  private static final Pattern INT_SCIENTIFIC = Pattern.compile("^-?\\d+(?:\\.\\d*)?[eE][+\\-]?\\d{3,}$");
  private static final Pattern REAL_SCIENTIFIC = Pattern.compile("^-?\\d+(?:\\.\\d*)?[eE][+\\-]?\\d{0,2}$");
  private static final Pattern COMMON_LOG = Pattern.compile("[\\d.]+[eE]-\\d+");

  private MarkdownTable() {}

  /** typepy's type codes, as far as they matter here. */
  enum Type { STRING, INTEGER, REAL, NAN, INFINITY, BOOL, NULL_STRING }

  /** One typed cell: its type and converted value (String, BigInteger, BigDecimal, Double, Boolean). */
  record Cell(Type type, Object data) {
    /** {@code DataProperty.decimal_places}: 0 for integers, from {@code str(abs(float(x)))} for reals. */
    Integer decimalPlaces() {
      if (type == Type.INTEGER) {
        return 0;
      }
      if (type != Type.REAL) {
        return null;
      }
      String text = PythonFloat.repr(Math.abs(((BigDecimal) data).doubleValue()));
      int dot = text.indexOf('.');
      if (dot >= 0) {
        return text.length() - dot - 1;
      }
      if (COMMON_LOG.matcher(text).find()) {
        return Integer.parseInt(text.split("[eE]-", 2)[1]);
      }
      return 0;
    }
  }

  /** {@code dumps()}: the header row, the separator row and one row per value row, each line ending in "\n". */
  public static String render(List<String> headers, List<List<Object>> rows) {
    int cols = headers.size();
    List<List<Cell>> columns = new ArrayList<>();
    for (int c = 0; c < cols; c++) {
      List<Object> values = new ArrayList<>();
      for (List<Object> row : rows) {
        values.add(c < row.size() ? row.get(c) : null);
      }
      columns.add(typeColumn(values));
    }
    List<String[]> body = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      body.add(new String[cols]);
    }
    StringBuilder header = new StringBuilder("|");
    StringBuilder separator = new StringBuilder("|");
    String[][] cellsOut = new String[rows.size()][cols];
    for (int c = 0; c < cols; c++) {
      List<Cell> cells = columns.get(c);
      Type colType = columnType(cells);
      Integer decimals = columnDecimalPlaces(cells);
      String[] texts = new String[cells.size()];
      int width = Math.max(MIN_COLUMN_WIDTH, displayWidth(headers.get(c)));
      for (int r = 0; r < cells.size(); r++) {
        texts[r] = toText(cells.get(r), colType, decimals);
        width = Math.max(width, displayWidth(texts[r]));
      }
      String h = headers.get(c);
      boolean headerIsNull = h.strip().isEmpty();
      header.append(escape(pad(h, headerIsNull ? width : width - (displayWidth(h) - len(h)), 'c'))).append('|');
      char colAlign = colType == Type.INTEGER || colType == Type.REAL ? 'r' : 'l';
      separator.append(colAlign == 'r' ? "-".repeat(width - 1) + ":" : "-".repeat(width)).append('|');
      for (int r = 0; r < cells.size(); r++) {
        Cell cell = cells.get(r);
        char align = colType == Type.STRING && (cell.type() == Type.INTEGER || cell.type() == Type.REAL)
            ? 'r' : colAlign;
        int padding = cell.type() == Type.STRING
            ? Math.max(width - (displayWidth(texts[r]) - len(texts[r])), 0) : width;
        cellsOut[r][c] = escape(pad(texts[r], padding, align));
      }
    }
    StringBuilder out = new StringBuilder();
    out.append(header).append('\n').append(separator).append('\n');
    for (String[] row : cellsOut) {
      out.append('|');
      for (String cell : row) {
        out.append(cell).append('|');
      }
      out.append('\n');
    }
    return out.toString();
  }

  // ------------------------------------------------------------------------------------------ typing

  /** {@code DataPropertyExtractor._to_dp_list}: types cells in order, preferring the most common type so far. */
  static List<Cell> typeColumn(List<Object> values) {
    Map<Type, Integer> counter = new LinkedHashMap<>();
    List<Cell> out = new ArrayList<>(values.size());
    for (Object v : values) {
      Type hint = null;
      int best = 0;
      for (Map.Entry<Type, Integer> e : counter.entrySet()) {
        if (e.getValue() > best) {
          best = e.getValue();
          hint = e.getKey();
        }
      }
      Cell cell = hint != null && matchesStrictly(hint, v) ? hinted(hint, v) : classify(v);
      counter.merge(cell.type(), 1, Integer::sum);
      out.add(cell);
    }
    return out;
  }

  /** Whether {@code v} is of type {@code t} at typepy's maximum strictness (the hint test). */
  private static boolean matchesStrictly(Type t, Object v) {
    return switch (t) {
      case STRING -> v instanceof String s && !PythonStrings.strip(s).isEmpty();
      case INTEGER -> isInt(v);
      case REAL -> v instanceof Double d && Double.isFinite(d) && d != Math.rint(d);
      case NULL_STRING -> v != null && PythonStrings.strip(PythonStr.str(v)).isEmpty();
      case NAN -> v instanceof Double d && d.isNaN();
      case INFINITY -> v instanceof Double d && d.isInfinite();
      case BOOL -> v instanceof Boolean;
    };
  }

  private static Cell hinted(Type t, Object v) {
    return switch (t) {
      case STRING -> new Cell(Type.STRING, v);
      case INTEGER -> new Cell(Type.INTEGER, toBigInteger(v));
      case REAL -> new Cell(Type.REAL, new BigDecimal(PythonFloat.repr((Double) v)));
      case NULL_STRING -> new Cell(Type.NULL_STRING, PythonStr.str(v));
      case NAN -> new Cell(Type.NAN, Double.NaN);
      case INFINITY -> new Cell(Type.INFINITY, Double.POSITIVE_INFINITY);
      case BOOL -> new Cell(Type.BOOL, v);
    };
  }

  /** {@code DataProperty} without a hint: NoneType, Integer, Infinity, Nan, RealNumber, Bool, NullString, String. */
  static Cell classify(Object v) {
    if (v == null) {
      return new Cell(Type.NULL_STRING, "");
    }
    if (v instanceof Boolean) {
      return new Cell(Type.BOOL, v);
    }
    if (isInt(v)) {
      return new Cell(Type.INTEGER, toBigInteger(v));
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d)) {
        return new Cell(Type.NAN, Double.NaN);
      }
      if (Double.isInfinite(d)) {
        return new Cell(Type.INFINITY, Double.POSITIVE_INFINITY);
      }
      if (d == Math.rint(d)) {
        return new Cell(Type.INTEGER, new BigDecimal(d).toBigInteger());
      }
      return new Cell(Type.REAL, new BigDecimal(PythonFloat.repr(d)));
    }
    String s = v instanceof String str ? str : PythonStr.str(v);
    if (!(v instanceof String)) {
      return new Cell(PythonStrings.strip(s).isEmpty() ? Type.NULL_STRING : Type.STRING, s);
    }
    // Integer (strict level 1)
    BigDecimal asDecimal = PythonDecimal.parse(s);
    boolean infinite = PythonDecimal.isInfinite(s);
    boolean real = isRealLevel1(s, asDecimal, infinite);
    if (!infinite && !real && !INT_SCIENTIFIC.matcher(s).find()) {
      String noSep = THOUSAND_SEP.matcher(s).find() ? s.replace(",", "") : s;
      BigDecimal d = PythonDecimal.parse(noSep);
      if (d != null) {
        return new Cell(Type.INTEGER, d.setScale(0, RoundingMode.DOWN).toBigInteger());
      }
    }
    if (infinite) {
      return new Cell(Type.INFINITY, Double.POSITIVE_INFINITY);
    }
    if (PythonDecimal.isNaN(s)) {
      return new Cell(Type.NAN, Double.NaN);
    }
    if (real) {
      return new Cell(Type.REAL, asDecimal);
    }
    String folded = s.toLowerCase(java.util.Locale.ROOT);
    if (folded.equals("true") || folded.equals("false")) {
      return new Cell(Type.BOOL, folded.equals("true"));
    }
    if (PythonStrings.strip(s).isEmpty()) {
      return new Cell(Type.NULL_STRING, s);
    }
    return new Cell(Type.STRING, s);
  }

  /** typepy {@code RealNumber(s, strict_level=1).is_type()} for a string. */
  private static boolean isRealLevel1(String s, BigDecimal parsed, boolean infinite) {
    if ((s.indexOf('e') >= 0 || s.indexOf('E') >= 0) && !REAL_SCIENTIFIC.matcher(s).find()) {
      return false;
    }
    if (infinite || parsed == null) {
      return false;
    }
    return !isIntegralAsFloat(parsed);
  }

  /** {@code float(d).is_integer()}. */
  private static boolean isIntegralAsFloat(BigDecimal d) {
    double f = d.doubleValue();
    return Double.isInfinite(f) || f == Math.rint(f);
  }

  // ------------------------------------------------------------------------------------------ columns

  /** {@code ColumnDataProperty.__get_typecode_from_bitmap}. */
  static Type columnType(List<Cell> cells) {
    java.util.EnumSet<Type> bits = java.util.EnumSet.noneOf(Type.class);
    for (Cell c : cells) {
      bits.add(c.type());
    }
    if (bits.isEmpty()) {
      return Type.NULL_STRING;
    }
    java.util.EnumSet<Type> floatOrNull = java.util.EnumSet.of(Type.REAL, Type.INFINITY, Type.NAN, Type.NULL_STRING);
    java.util.EnumSet<Type> numberOrNull = java.util.EnumSet.of(Type.REAL, Type.INFINITY, Type.NAN, Type.INTEGER,
        Type.NULL_STRING);
    boolean onlyNumbersOrNull = numberOrNull.containsAll(bits);
    if (onlyNumbersOrNull) {
      long floatBits = bits.stream().filter(floatOrNull::contains).count();
      long numberBits = bits.stream().filter(t -> t != Type.NULL_STRING).count();
      if (floatBits >= 2 || numberBits >= 2) {
        return Type.REAL;
      }
    }
    if (bits.contains(Type.BOOL) && bits.size() > 1) {
      return Type.STRING;
    }
    for (Type t : List.of(Type.STRING, Type.REAL, Type.INTEGER, Type.BOOL, Type.INFINITY, Type.NAN,
        Type.NULL_STRING)) {
      if (bits.contains(t)) {
        return t;
      }
    }
    return Type.STRING;
  }

  private static Integer columnDecimalPlaces(List<Cell> cells) {
    Integer max = null;
    for (Cell c : cells) {
      if (c.type() == Type.INTEGER || c.type() == Type.REAL) {
        int dp = c.decimalPlaces();
        max = max == null ? dp : Math.max(max, dp);
      }
    }
    return max == null ? null : Math.min(MAX_PRECISION, max);
  }

  /** {@code ColumnDataProperty.dp_to_str}. */
  private static String toText(Cell cell, Type colType, Integer decimals) {
    switch (cell.type()) {
      case STRING:
        return (String) cell.data();
      case NULL_STRING:
        return (String) cell.data();
      case BOOL:
        return ((Boolean) cell.data()) ? "True" : "False";
      case NAN:
        return "NaN";
      case INFINITY:
        return "Infinity";
      default:
        break;
    }
    boolean asReal = colType == Type.REAL || (colType != Type.INTEGER && cell.type() == Type.REAL);
    if (asReal) {
      BigDecimal d = cell.data() instanceof BigInteger i ? new BigDecimal(i) : (BigDecimal) cell.data();
      return decimals == null ? d.toPlainString() : d.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
    return cell.data().toString();
  }

  // ------------------------------------------------------------------------------------------ text

  /** Python's {@code "{:<n}"}, {@code "{:>n}"}, {@code "{:^n}"}: padding counted in code points. */
  private static String pad(String s, int width, char align) {
    int fill = width - len(s);
    if (fill <= 0) {
      return s;
    }
    return switch (align) {
      case 'r' -> " ".repeat(fill) + s;
      case 'c' -> " ".repeat(fill / 2) + s + " ".repeat(fill - fill / 2);
      default -> s + " ".repeat(fill);
    };
  }

  private static String escape(String s) {
    return s.replace("|", "\\|");
  }

  private static int len(String s) {
    return s.codePointCount(0, s.length());
  }

  /** {@code calc_ascii_char_width}: East Asian wide and fullwidth characters count 2, others 1. */
  static int displayWidth(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += EastAsianWidth.isWide(cp) ? 2 : 1;
      i += Character.charCount(cp);
    }
    return w;
  }

  private static boolean isInt(Object v) {
    return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger;
  }

  private static BigInteger toBigInteger(Object v) {
    return v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue());
  }
}
