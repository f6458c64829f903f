package org.lmeval.platform.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.lmeval.platform.python.PythonFloat;
import org.lmeval.platform.python.PythonTuple;

/**
 * Python string formatting: {@code str % args} (printf style), {@code str.format(...)} and the
 * format-spec mini-language of {@code format(value, spec)} for str, int, float and bool, with
 * CPython's rounding (round-half-even on the exact binary value) and error messages.
 */
final class PyFormat {
  private PyFormat() {}

  // =============================================================================== % formatting

  /** {@code fmt % args}. */
  static String percent(String fmt, Object args) {
    List<Object> positional;
    Map<?, ?> mapping = null;
    if (args instanceof PythonTuple t) {
      positional = t;
    } else {
      positional = List.of(args == null ? NONE : args);
      if (args instanceof Map<?, ?> m) {
        mapping = m;
      }
    }
    StringBuilder out = new StringBuilder();
    int argIndex = 0;
    int i = 0;
    int n = fmt.length();
    while (i < n) {
      char c = fmt.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      i++;
      if (i >= n) {
        throw PyException.valueError("incomplete format");
      }
      Object value = null;
      boolean haveValue = false;
      if (fmt.charAt(i) == '(') {
        if (mapping == null) {
          throw PyException.typeError("format requires a mapping");
        }
        int depth = 1;
        int j = i + 1;
        while (j < n && depth > 0) {
          if (fmt.charAt(j) == '(') {
            depth++;
          } else if (fmt.charAt(j) == ')') {
            depth--;
          }
          j++;
        }
        if (depth > 0) {
          throw PyException.valueError("incomplete format key");
        }
        String key = fmt.substring(i + 1, j - 1);
        Object v = Py.dictGet(mapping, key);
        if (v == Py.ABSENT) {
          throw PyException.keyError(Py.repr(key));
        }
        value = v;
        haveValue = true;
        i = j;
      }
      boolean left = false;
      boolean plus = false;
      boolean space = false;
      boolean alt = false;
      boolean zero = false;
      for (; i < n; i++) {
        char f = fmt.charAt(i);
        if (f == '-') {
          left = true;
        } else if (f == '+') {
          plus = true;
        } else if (f == ' ') {
          space = true;
        } else if (f == '#') {
          alt = true;
        } else if (f == '0') {
          zero = true;
        } else {
          break;
        }
      }
      int width = -1;
      if (i < n && fmt.charAt(i) == '*') {
        Object w = nextArg(positional, argIndex++);
        if (!Py.isInt(w)) {
          throw PyException.typeError("* wants int");
        }
        width = (int) Py.longValue(w);
        if (width < 0) {
          left = true;
          width = -width;
        }
        i++;
      } else {
        int start = i;
        while (i < n && Character.isDigit(fmt.charAt(i))) {
          i++;
        }
        if (i > start) {
          width = Integer.parseInt(fmt.substring(start, i));
        }
      }
      int precision = -1;
      if (i < n && fmt.charAt(i) == '.') {
        i++;
        if (i < n && fmt.charAt(i) == '*') {
          Object p = nextArg(positional, argIndex++);
          if (!Py.isInt(p)) {
            throw PyException.typeError("* wants int");
          }
          precision = Math.max(0, (int) Py.longValue(p));
          i++;
        } else {
          int start = i;
          while (i < n && Character.isDigit(fmt.charAt(i))) {
            i++;
          }
          precision = i > start ? Integer.parseInt(fmt.substring(start, i)) : 0;
        }
      }
      while (i < n && (fmt.charAt(i) == 'h' || fmt.charAt(i) == 'l' || fmt.charAt(i) == 'L')) {
        i++;
      }
      if (i >= n) {
        throw PyException.valueError("incomplete format");
      }
      char type = fmt.charAt(i++);
      if (type == '%') {
        out.append('%');
        continue;
      }
      if (!haveValue) {
        value = nextArg(positional, argIndex++);
        if (value == NONE) {
          value = null;
        }
      }
      String body;
      String sign = "";
      boolean numeric = false;
      boolean finite = true;
      switch (type) {
        case 's' -> body = Py.str(value);
        case 'r', 'a' -> body = type == 'a' ? ascii(Py.repr(value)) : Py.repr(value);
        case 'c' -> body = charOf(value, "%c");
        case 'd', 'i', 'u' -> {
          BigInteger v = integral(value, type, true);
          numeric = true;
          sign = v.signum() < 0 ? "-" : (plus ? "+" : (space ? " " : ""));
          body = v.abs().toString();
          if (precision > body.length()) {
            body = "0".repeat(precision - body.length()) + body;
          }
        }
        case 'x', 'X', 'o' -> {
          BigInteger v = integral(value, type, false);
          numeric = true;
          sign = v.signum() < 0 ? "-" : (plus ? "+" : (space ? " " : ""));
          body = v.abs().toString(type == 'o' ? 8 : 16);
          if (type == 'X') {
            body = body.toUpperCase(java.util.Locale.ROOT);
          }
          if (precision > body.length()) {
            body = "0".repeat(precision - body.length()) + body;
          }
          if (alt) {
            body = (type == 'o' ? "0o" : (type == 'x' ? "0x" : "0X")) + body;
          }
        }
        case 'e', 'E', 'f', 'F', 'g', 'G' -> {
          double d = real(value, type);
          numeric = true;
          finite = !Double.isNaN(d) && !Double.isInfinite(d);
          boolean negative = d < 0 || (d == 0 && 1 / d < 0);
          sign = negative ? "-" : (plus ? "+" : (space ? " " : ""));
          body = formatFloat(Math.abs(d), type, precision < 0 ? 6 : precision, alt);
        }
        default -> throw PyException.valueError("unsupported format character '" + type
            + "' (0x" + Integer.toHexString(type) + ") at index " + (i - 1));
      }
      if (!numeric && precision >= 0 && (type == 's' || type == 'r' || type == 'a')) {
        body = substringCodePoints(body, precision);
      }
      out.append(pad(sign, body, width, left, zero && numeric && finite));
    }
    if (mapping == null && argIndex < positional.size()) {
      throw PyException.typeError("not all arguments converted during string formatting");
    }
    return out.toString();
  }

  /** Stands for a None argument inside an immutable list. */
  private static final Object NONE = new Object();

  private static Object nextArg(List<Object> positional, int index) {
    if (index >= positional.size()) {
      throw PyException.typeError("not enough arguments for format string");
    }
    return positional.get(index);
  }

  private static String pad(String sign, String body, int width, boolean left, boolean zero) {
    int len = sign.codePointCount(0, sign.length()) + body.codePointCount(0, body.length());
    if (width <= len) {
      return sign + body;
    }
    if (left) {
      return sign + body + " ".repeat(width - len);
    }
    if (zero) {
      return sign + "0".repeat(width - len) + body;
    }
    return " ".repeat(width - len) + sign + body;
  }

  private static String charOf(Object value, String what) {
    if (value instanceof String s && s.codePointCount(0, s.length()) == 1) {
      return s;
    }
    if (Py.isInt(value)) {
      long cp = Py.longValue(value);
      if (cp < 0 || cp > 0x10FFFF) {
        throw PyException.overflow(what + " arg not in range(0x110000)");
      }
      return new String(Character.toChars((int) cp));
    }
    throw PyException.typeError(what + " requires int or char");
  }

  private static BigInteger integral(Object value, char type, boolean acceptFloat) {
    if (Py.isInt(value)) {
      return Py.bigInt(value);
    }
    if (acceptFloat && Py.isFloat(value)) {
      double d = Py.toDouble(value);
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw Double.isNaN(d) ? PyException.valueError("cannot convert float NaN to integer")
            : PyException.overflow("cannot convert float infinity to integer");
      }
      return new BigDecimal(d).toBigInteger();
    }
    if (value instanceof Undefined u) {
      throw u.error();
    }
    throw PyException.typeError("%" + type + " format: " + (acceptFloat ? "a real number" : "an integer")
        + " is required, not " + Py.typeName(value));
  }

  private static double real(Object value, char type) {
    if (Py.isNumber(value)) {
      return Py.toDouble(value);
    }
    if (value instanceof Undefined u) {
      throw u.error();
    }
    throw PyException.typeError("must be real number, not " + Py.typeName(value));
  }

  private static String ascii(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 128) {
        sb.append((char) cp);
      } else if (cp <= 0xff) {
        sb.append(String.format("\\x%02x", cp));
      } else if (cp <= 0xffff) {
        sb.append(String.format("\\u%04x", cp));
      } else {
        sb.append(String.format("\\U%08x", cp));
      }
    }
    return sb.toString();
  }

  private static String substringCodePoints(String s, int count) {
    if (s.codePointCount(0, s.length()) <= count) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, count));
  }

  // ============================================================================ float formats

  /**
   * Formats a non-negative double ({@code type} e, E, f, F, g, G, or 'r' for repr-style) with
   * CPython's correctly rounded digits.
   */
  static String formatFloat(double d, char type, int precision, boolean alt) {
    boolean upper = Character.isUpperCase(type);
    if (Double.isNaN(d)) {
      return upper ? "NAN" : "nan";
    }
    if (Double.isInfinite(d)) {
      return upper ? "INF" : "inf";
    }
    switch (Character.toLowerCase(type)) {
      case 'f' -> {
        String s = new BigDecimal(d).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        return alt && precision == 0 ? s + "." : s;
      }
      case 'e' -> {
        return exponential(d, precision, upper, alt);
      }
      case 'g' -> {
        int p = precision == 0 ? 1 : precision;
        if (d == 0.0) {
          String s = alt ? "0." + "0".repeat(p - 1) : "0";
          return s;
        }
        BigDecimal rounded = new BigDecimal(d).round(new java.math.MathContext(p, RoundingMode.HALF_EVEN));
        int exp = rounded.precision() - rounded.scale() - 1;
        String s;
        if (exp >= -4 && exp < p) {
          s = new BigDecimal(d).setScale(p - 1 - exp, RoundingMode.HALF_EVEN).toPlainString();
          if (!alt && s.contains(".")) {
            s = stripZeros(s);
          }
        } else {
          s = exponential(d, p - 1, upper, alt);
          if (!alt) {
            int e = s.indexOf(upper ? 'E' : 'e');
            s = stripZeros(s.substring(0, e)) + s.substring(e);
          }
        }
        return s;
      }
      default -> throw new IllegalArgumentException(String.valueOf(type));
    }
  }

  private static String stripZeros(String s) {
    if (!s.contains(".")) {
      return s;
    }
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '0') {
      end--;
    }
    if (end > 0 && s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }

  private static String exponential(double d, int precision, boolean upper, boolean alt) {
    String digits;
    int exp;
    if (d == 0.0) {
      digits = "0".repeat(precision + 1);
      exp = 0;
    } else {
      BigDecimal rounded = new BigDecimal(d).round(new java.math.MathContext(precision + 1, RoundingMode.HALF_EVEN));
      digits = rounded.unscaledValue().toString();
      exp = rounded.precision() - rounded.scale() - 1;
      if (digits.length() < precision + 1) {
        digits = digits + "0".repeat(precision + 1 - digits.length());
      } else if (digits.length() > precision + 1) {
        digits = digits.substring(0, precision + 1);
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(digits.charAt(0));
    if (precision > 0 || alt) {
      sb.append('.');
    }
    sb.append(digits, 1, digits.length());
    sb.append(upper ? 'E' : 'e').append(exp < 0 ? '-' : '+');
    int abs = Math.abs(exp);
    if (abs < 10) {
      sb.append('0');
    }
    sb.append(abs);
    return sb.toString();
  }

  // ============================================================================= str.format

  /** {@code fmt.format(*args, **kwargs)}. */
  static String format(String fmt, List<Object> args, Map<String, Object> kwargs) {
    return new Formatter(args, kwargs).render(fmt, 2);
  }

  private static final class Formatter {
    private final List<Object> args;
    private final Map<String, Object> kwargs;
    private int auto = 0;
    private boolean manual;

    Formatter(List<Object> args, Map<String, Object> kwargs) {
      this.args = args;
      this.kwargs = kwargs;
    }

    String render(String fmt, int depth) {
      if (depth < 0) {
        throw PyException.valueError("Max string recursion exceeded");
      }
      StringBuilder out = new StringBuilder();
      int i = 0;
      int n = fmt.length();
      while (i < n) {
        char c = fmt.charAt(i);
        if (c == '}') {
          if (i + 1 < n && fmt.charAt(i + 1) == '}') {
            out.append('}');
            i += 2;
            continue;
          }
          throw PyException.valueError("Single '}' encountered in format string");
        }
        if (c != '{') {
          out.append(c);
          i++;
          continue;
        }
        if (i + 1 < n && fmt.charAt(i + 1) == '{') {
          out.append('{');
          i += 2;
          continue;
        }
        int level = 1;
        int j = i + 1;
        while (j < n && level > 0) {
          if (fmt.charAt(j) == '{') {
            level++;
          } else if (fmt.charAt(j) == '}') {
            level--;
          }
          j++;
        }
        if (level > 0) {
          throw PyException.valueError(j >= n && fmt.indexOf('}', i) < 0
              ? "Single '{' encountered in format string" : "expected '}' before end of string");
        }
        out.append(field(fmt.substring(i + 1, j - 1), depth));
        i = j;
      }
      return out.toString();
    }

    private String field(String field, int depth) {
      int bang = -1;
      int colon = -1;
      int bracket = 0;
      for (int k = 0; k < field.length(); k++) {
        char ch = field.charAt(k);
        if (ch == '[') {
          bracket++;
        } else if (ch == ']') {
          bracket--;
        } else if (bracket == 0 && ch == '!' && bang < 0 && colon < 0) {
          bang = k;
        } else if (bracket == 0 && ch == ':' && colon < 0) {
          colon = k;
          break;
        }
      }
      int nameEnd = bang >= 0 ? bang : (colon >= 0 ? colon : field.length());
      String name = field.substring(0, nameEnd);
      Character conversion = null;
      if (bang >= 0) {
        int convEnd = colon >= 0 ? colon : field.length();
        if (convEnd - bang != 2) {
          throw PyException.valueError("expected ':' after conversion specifier");
        }
        conversion = field.charAt(bang + 1);
      }
      String spec = colon >= 0 ? render(field.substring(colon + 1), depth - 1) : "";
      Object value = resolve(name);
      if (conversion != null) {
        value = switch (conversion) {
          case 's' -> Py.str(value);
          case 'r' -> Py.repr(value);
          case 'a' -> ascii(Py.repr(value));
          default -> throw PyException.valueError("Unknown conversion specifier " + conversion);
        };
      }
      return formatValue(value, spec);
    }

    private Object resolve(String name) {
      int k = 0;
      while (k < name.length() && name.charAt(k) != '.' && name.charAt(k) != '[') {
        k++;
      }
      String first = name.substring(0, k);
      Object value;
      if (first.isEmpty()) {
        if (manual) {
          throw PyException.valueError(
              "cannot switch from manual field specification to automatic field numbering");
        }
        int index = auto++;
        if (index >= args.size()) {
          throw PyException.indexError("Replacement index " + index
              + " out of range for positional args tuple");
        }
        value = args.get(index);
      } else if (first.chars().allMatch(Character::isDigit)) {
        if (auto > 0) {
          throw PyException.valueError(
              "cannot switch from automatic field numbering to manual field specification");
        }
        manual = true;
        int index = Integer.parseInt(first);
        if (index >= args.size()) {
          throw PyException.indexError("Replacement index " + index
              + " out of range for positional args tuple");
        }
        value = args.get(index);
      } else {
        if (!kwargs.containsKey(first)) {
          throw PyException.keyError(Py.repr(first));
        }
        value = kwargs.get(first);
      }
      while (k < name.length()) {
        if (name.charAt(k) == '.') {
          int end = k + 1;
          while (end < name.length() && name.charAt(end) != '.' && name.charAt(end) != '[') {
            end++;
          }
          String attr = name.substring(k + 1, end);
          Object a = Methods.attribute(value, attr);
          if (a == Py.ABSENT) {
            throw PyException.attributeError("'" + Py.typeName(value)
                + "' object has no attribute '" + attr + "'");
          }
          value = a;
          k = end;
        } else {
          int end = name.indexOf(']', k);
          if (end < 0) {
            throw PyException.valueError("Missing ']' in format string");
          }
          String key = name.substring(k + 1, end);
          Object keyValue = !key.isEmpty() && key.chars().allMatch(Character::isDigit)
              ? (Object) Long.parseLong(key) : key;
          Object item = Attrs.getitem(value, keyValue);
          if (item instanceof Undefined) {
            throw PyException.keyError(Py.repr(keyValue));
          }
          value = item;
          k = end + 1;
        }
      }
      return value;
    }
  }

  // ========================================================================= format(value, spec)

  /** {@code format(value, spec)} for str, int, bool, float; other types accept only an empty spec. */
  static String formatValue(Object value, String spec) {
    if (value instanceof Undefined u) {
      throw u.error();
    }
    if (spec.isEmpty()) {
      return Py.str(value);
    }
    Spec s = Spec.parse(spec);
    if (value instanceof String str) {
      if (s.type != 0 && s.type != 's') {
        throw PyException.valueError("Unknown format code '" + s.type + "' for object of type 'str'");
      }
      if (s.sign != 0) {
        throw PyException.valueError("Sign not allowed in string format specifier");
      }
      if (s.align == '=') {
        throw PyException.valueError("'=' alignment not allowed in string format specifier");
      }
      String body = s.precision >= 0 ? substringCodePoints(str, s.precision) : str;
      return align(s, "", body, '<');
    }
    if (Py.isInt(value) && (s.type == 0 || "bcdoxXn".indexOf(s.type) >= 0)) {
      if (s.precision >= 0) {
        throw PyException.valueError("Precision not allowed in integer format specifier");
      }
      BigInteger v = Py.bigInt(value);
      String body = switch (s.type) {
        case 'b' -> v.abs().toString(2);
        case 'o' -> v.abs().toString(8);
        case 'x' -> v.abs().toString(16);
        case 'X' -> v.abs().toString(16).toUpperCase(java.util.Locale.ROOT);
        case 'c' -> charOf(value, "%c");
        default -> v.abs().toString();
      };
      if (s.grouping != 0 && s.type != 'c') {
        body = group(body, s.grouping, s.type == 'b' || s.type == 'o' || s.type == 'x' || s.type == 'X' ? 4 : 3);
      }
      String prefix = s.alt ? switch (s.type) {
        case 'b' -> "0b";
        case 'o' -> "0o";
        case 'x' -> "0x";
        case 'X' -> "0X";
        default -> "";
      } : "";
      return align(s, sign(v.signum() < 0, s) + prefix, body, '>');
    }
    if (Py.isNumber(value)) {
      if (s.type != 0 && "eEfFgGn%".indexOf(s.type) < 0) {
        throw PyException.valueError("Unknown format code '" + s.type + "' for object of type '"
            + Py.typeName(value) + "'");
      }
      double d = Py.toDouble(value);
      boolean negative = d < 0 || (d == 0 && 1 / d < 0);
      double a = Math.abs(d);
      String body;
      char type = s.type;
      if (type == '%') {
        body = formatFloat(a * 100, 'f', s.precision < 0 ? 6 : s.precision, s.alt) + "%";
      } else if (type == 0) {
        if (s.precision < 0) {
          body = Py.isInt(value) ? Py.bigInt(value).abs().toString() : PythonFloat.repr(a);
        } else {
          body = formatFloat(a, 'g', s.precision, s.alt);
          if (!body.contains(".") && !body.contains("e") && !Double.isInfinite(a) && !Double.isNaN(a)) {
            body = body + ".0";
          }
        }
      } else {
        body = formatFloat(a, type == 'n' ? 'g' : type, s.precision < 0 ? 6 : s.precision, s.alt);
      }
      if (s.grouping != 0) {
        int dot = body.indexOf('.');
        int end = dot >= 0 ? dot : (body.indexOf('e') >= 0 ? body.indexOf('e') : body.length());
        body = group(body.substring(0, end), s.grouping, 3) + body.substring(end);
      }
      return align(s, sign(negative, s), body, '>');
    }
    throw PyException.typeError("unsupported format string passed to " + Py.typeName(value)
        + ".__format__");
  }

  private static String sign(boolean negative, Spec s) {
    if (negative) {
      return "-";
    }
    return s.sign == '+' ? "+" : (s.sign == ' ' ? " " : "");
  }

  private static String group(String digits, char sep, int every) {
    StringBuilder sb = new StringBuilder();
    int n = digits.length();
    for (int i = 0; i < n; i++) {
      if (i > 0 && (n - i) % every == 0) {
        sb.append(sep);
      }
      sb.append(digits.charAt(i));
    }
    return sb.toString();
  }

  private static String align(Spec s, String sign, String body, char defaultAlign) {
    int len = sign.codePointCount(0, sign.length()) + body.codePointCount(0, body.length());
    if (s.width <= len) {
      return sign + body;
    }
    int padding = s.width - len;
    char alignment = s.align != 0 ? s.align : (s.zero ? '=' : defaultAlign);
    String fill = s.fill != null ? s.fill : (s.zero && s.align == 0 ? "0" : " ");
    return switch (alignment) {
      case '<' -> sign + body + fill.repeat(padding);
      case '>' -> fill.repeat(padding) + sign + body;
      case '^' -> fill.repeat(padding / 2) + sign + body + fill.repeat(padding - padding / 2);
      default -> sign + fill.repeat(padding) + body;
    };
  }

  /** A parsed format spec: {@code [[fill]align][sign][#][0][width][grouping][.precision][type]}. */
  private static final class Spec {
    String fill;
    char align;
    char sign;
    boolean alt;
    boolean zero;
    int width = -1;
    char grouping;
    int precision = -1;
    char type;

    static Spec parse(String spec) {
      Spec s = new Spec();
      int i = 0;
      int n = spec.length();
      int[] cps = spec.codePoints().toArray();
      if (cps.length >= 2 && "<>=^".indexOf(cps[1]) >= 0) {
        s.fill = new String(Character.toChars(cps[0]));
        s.align = (char) cps[1];
        i = Character.charCount(cps[0]) + 1;
      } else if (n >= 1 && "<>=^".indexOf(spec.charAt(0)) >= 0) {
        s.align = spec.charAt(0);
        i = 1;
      }
      if (i < n && "+- ".indexOf(spec.charAt(i)) >= 0) {
        s.sign = spec.charAt(i++);
      }
      if (i < n && spec.charAt(i) == '#') {
        s.alt = true;
        i++;
      }
      if (i < n && spec.charAt(i) == '0') {
        s.zero = true;
        i++;
      }
      int start = i;
      while (i < n && Character.isDigit(spec.charAt(i))) {
        i++;
      }
      if (i > start) {
        s.width = Integer.parseInt(spec.substring(start, i));
      }
      if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
        s.grouping = spec.charAt(i++);
      }
      if (i < n && spec.charAt(i) == '.') {
        i++;
        start = i;
        while (i < n && Character.isDigit(spec.charAt(i))) {
          i++;
        }
        if (i == start) {
          throw PyException.valueError("Format specifier missing precision");
        }
        s.precision = Integer.parseInt(spec.substring(start, i));
      }
      if (i < n) {
        s.type = spec.charAt(i++);
      }
      if (i < n) {
        throw PyException.valueError("Invalid format specifier");
      }
      return s;
    }
  }
}
