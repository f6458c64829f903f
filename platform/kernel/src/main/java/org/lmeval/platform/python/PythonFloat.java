package org.lmeval.platform.python;

import java.math.BigInteger;

/**
 * Python's {@code repr(float)} (= {@code str(float)}): the shortest decimal that reads back as the same
 * double (nearest of those when several have the shortest length, the even digit on a tie), laid out as
 * CPython's {@code float_repr_style='short'} does: positional for decimal exponents -4..15
 * ({@code 0.0001}, {@code 100.0}, {@code 1234567890123456.0}), otherwise scientific with a signed,
 * at-least-two-digit exponent ({@code 1e-05}, {@code 1e+16}, {@code 1.5e+300}); {@code inf},
 * {@code -inf}, {@code nan}, {@code -0.0}.
 *
 * <p>The digits come from the Ryū algorithm (Ulf Adams, PLDI 2018), written here from the paper: two
 * 128-bit table multiplications per call, no allocation besides the result. Java 17's
 * {@link Double#toString} is not always shortest and uses another layout, hence this class.
 */
public final class PythonFloat {
  private static final int MANTISSA_BITS = 52;
  private static final int BIAS = 1023;
  private static final int POW5_INV_BITCOUNT = 125;
  private static final int POW5_BITCOUNT = 125;
  /** 2^(bitlength(5^i) - 1 + 125) / 5^i + 1, as {low, high} 64-bit words. */
  private static final long[][] POW5_INV_SPLIT = new long[342][];
  /** 5^i scaled to exactly 125 bits, as {low, high}. */
  private static final long[][] POW5_SPLIT = new long[326][];

  static {
    BigInteger five = BigInteger.valueOf(5);
    BigInteger mask = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    for (int i = 0; i < POW5_INV_SPLIT.length; i++) {
      BigInteger pow = five.pow(i);
      int j = pow.bitLength() - 1 + POW5_INV_BITCOUNT;
      BigInteger inv = BigInteger.ONE.shiftLeft(j).divide(pow).add(BigInteger.ONE);
      POW5_INV_SPLIT[i] = new long[] {inv.and(mask).longValue(), inv.shiftRight(64).longValue()};
    }
    for (int i = 0; i < POW5_SPLIT.length; i++) {
      BigInteger pow = five.pow(i);
      int shift = pow.bitLength() - POW5_BITCOUNT;
      BigInteger scaled = shift >= 0 ? pow.shiftRight(shift) : pow.shiftLeft(-shift);
      POW5_SPLIT[i] = new long[] {scaled.and(mask).longValue(), scaled.shiftRight(64).longValue()};
    }
  }

  private PythonFloat() {}

  /**
   * Python's {@code float(text)}: surrounding whitespace ignored, {@code inf}/{@code infinity}/{@code
   * nan} in any case with an optional sign, decimal digits of any script, underscores between digits.
   *
   * @throws IllegalArgumentException "could not convert string to float: '...'" as Python's ValueError
   */
  public static double parse(String text) {
    // as _PyUnicode_TransformDecimalAndSpaceToASCII: non-ASCII spaces become ' ', digits of any
    // script their ASCII digit; then ASCII whitespace is stripped and underscores checked
    StringBuilder ascii = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 127) {
        ascii.append((char) cp);
      } else if (org.lmeval.api.support.PythonStrings.isspace(cp)) {
        ascii.append(' ');
      } else if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
        ascii.append((char) ('0' + Character.digit(cp, 10)));
      } else {
        throw notAFloat(text);
      }
    }
    int from = 0;
    int to = ascii.length();
    while (from < to && " \t\n\u000b\f\r".indexOf(ascii.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && " \t\n\u000b\f\r".indexOf(ascii.charAt(to - 1)) >= 0) {
      to--;
    }
    StringBuilder b = new StringBuilder(to - from);
    char prev = 0;
    for (int i = from; i < to; i++) {
      char c = ascii.charAt(i);
      if (c == '_') {
        if (!isDigit(prev)) {
          throw notAFloat(text);
        }
      } else {
        if (prev == '_' && !isDigit(c)) {
          throw notAFloat(text);
        }
        b.append(c);
      }
      prev = c;
    }
    if (prev == '_') {
      throw notAFloat(text);
    }
    String t = b.toString();
    int i = 0;
    boolean negative = false;
    if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
      negative = t.charAt(i) == '-';
      i++;
    }
    String word = t.substring(i).toLowerCase(java.util.Locale.ROOT);
    if (word.equals("inf") || word.equals("infinity")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (word.equals("nan")) {
      return Double.NaN;
    }
    int digits = 0;
    while (i < t.length() && isDigit(t.charAt(i))) {
      i++;
      digits++;
    }
    if (i < t.length() && t.charAt(i) == '.') {
      i++;
      while (i < t.length() && isDigit(t.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      throw notAFloat(text);
    }
    if (i < t.length() && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
      i++;
      if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < t.length() && isDigit(t.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        throw notAFloat(text);
      }
    }
    if (i != t.length()) {
      throw notAFloat(text);
    }
    return Double.parseDouble(t);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static IllegalArgumentException notAFloat(String text) {
    return new IllegalArgumentException("could not convert string to float: " + PythonStr.repr(text));
  }

  /** {@code repr(x)} exactly as CPython 3.11 prints it. */
  public static String repr(double x) {
    if (Double.isNaN(x)) {
      return "nan";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    long bits = Double.doubleToRawLongBits(x);
    boolean negative = bits < 0;
    if (x == 0) {
      return negative ? "-0.0" : "0.0";
    }
    long ieeeMantissa = bits & ((1L << MANTISSA_BITS) - 1);
    int ieeeExponent = (int) ((bits >>> MANTISSA_BITS) & 0x7ff);
    long[] decimal = shortest(ieeeMantissa, ieeeExponent);
    return format(negative, decimal[0], (int) decimal[1]);
  }

  /**
   * Lays out {@code digits * 10^exponent} as Python does: {@code decpt} is the position of the decimal
   * point relative to the first digit; scientific notation when {@code decpt <= -4 || decpt > 16}.
   */
  private static String format(boolean negative, long output, int exponent) {
    char[] digits = new char[20];
    int n = 0;
    for (long v = output; v > 0; v /= 10) {
      digits[n++] = (char) ('0' + (v % 10));
    }
    // digits are reversed; put them in order
    for (int i = 0, j = n - 1; i < j; i++, j--) {
      char t = digits[i];
      digits[i] = digits[j];
      digits[j] = t;
    }
    int decpt = n + exponent;
    StringBuilder b = new StringBuilder(n + 8);
    if (negative) {
      b.append('-');
    }
    if (decpt <= -4 || decpt > 16) {
      b.append(digits[0]);
      if (n > 1) {
        b.append('.').append(digits, 1, n - 1);
      }
      int e = decpt - 1;
      b.append('e').append(e < 0 ? '-' : '+');
      int abs = Math.abs(e);
      if (abs < 10) {
        b.append('0');
      }
      b.append(abs);
    } else if (decpt <= 0) {
      b.append("0.");
      for (int i = 0; i < -decpt; i++) {
        b.append('0');
      }
      b.append(digits, 0, n);
    } else if (decpt >= n) {
      b.append(digits, 0, n);
      for (int i = n; i < decpt; i++) {
        b.append('0');
      }
      b.append(".0");
    } else {
      b.append(digits, 0, decpt).append('.').append(digits, decpt, n - decpt);
    }
    return b.toString();
  }

  /** Ryū: the shortest correctly rounded decimal {digits, exponent10} of a positive finite double. */
  private static long[] shortest(long ieeeMantissa, int ieeeExponent) {
    int e2;
    long m2;
    if (ieeeExponent == 0) {
      e2 = 1 - BIAS - MANTISSA_BITS - 2;
      m2 = ieeeMantissa;
    } else {
      e2 = ieeeExponent - BIAS - MANTISSA_BITS - 2;
      m2 = (1L << MANTISSA_BITS) | ieeeMantissa;
    }
    boolean acceptBounds = (m2 & 1) == 0;

    long mv = 4 * m2;
    int mmShift = ieeeMantissa != 0 || ieeeExponent <= 1 ? 1 : 0;

    long vr;
    long vp;
    long vm;
    int e10;
    boolean vmIsTrailingZeros = false;
    boolean vrIsTrailingZeros = false;
    if (e2 >= 0) {
      int q = log10Pow2(e2) - (e2 > 3 ? 1 : 0);
      e10 = q;
      int k = POW5_INV_BITCOUNT + pow5bits(q) - 1;
      int i = -e2 + q + k;
      long[] mul = POW5_INV_SPLIT[q];
      vr = mulShift(4 * m2, mul, i);
      vp = mulShift(4 * m2 + 2, mul, i);
      vm = mulShift(4 * m2 - 1 - mmShift, mul, i);
      if (q <= 21) {
        if (mv % 5 == 0) {
          vrIsTrailingZeros = pow5Factor(mv) >= q;
        } else if (acceptBounds) {
          vmIsTrailingZeros = pow5Factor(mv - 1 - mmShift) >= q;
        } else {
          vp -= pow5Factor(mv + 2) >= q ? 1 : 0;
        }
      }
    } else {
      int q = log10Pow5(-e2) - (-e2 > 1 ? 1 : 0);
      e10 = q + e2;
      int i = -e2 - q;
      int k = pow5bits(i) - POW5_BITCOUNT;
      int j = q - k;
      long[] mul = POW5_SPLIT[i];
      vr = mulShift(4 * m2, mul, j);
      vp = mulShift(4 * m2 + 2, mul, j);
      vm = mulShift(4 * m2 - 1 - mmShift, mul, j);
      if (q <= 1) {
        vrIsTrailingZeros = true;
        if (acceptBounds) {
          vmIsTrailingZeros = mmShift == 1;
        } else {
          --vp;
        }
      } else if (q < 63) {
        vrIsTrailingZeros = (mv & ((1L << q) - 1)) == 0;
      }
    }

    int removed = 0;
    int lastRemovedDigit = 0;
    long output;
    if (vmIsTrailingZeros || vrIsTrailingZeros) {
      while (vp / 10 > vm / 10) {
        vmIsTrailingZeros &= vm % 10 == 0;
        vrIsTrailingZeros &= lastRemovedDigit == 0;
        lastRemovedDigit = (int) (vr % 10);
        vr /= 10;
        vp /= 10;
        vm /= 10;
        removed++;
      }
      if (vmIsTrailingZeros) {
        while (vm % 10 == 0) {
          vrIsTrailingZeros &= lastRemovedDigit == 0;
          lastRemovedDigit = (int) (vr % 10);
          vr /= 10;
          vp /= 10;
          vm /= 10;
          removed++;
        }
      }
      if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0) {
        // exactly halfway: round to even
        lastRemovedDigit = 4;
      }
      output = vr
          + ((vr == vm && (!acceptBounds || !vmIsTrailingZeros)) || lastRemovedDigit >= 5 ? 1 : 0);
    } else {
      boolean roundUp = false;
      while (vp / 10 > vm / 10) {
        roundUp = vr % 10 >= 5;
        vr /= 10;
        vp /= 10;
        vm /= 10;
        removed++;
      }
      output = vr + (vr == vm || roundUp ? 1 : 0);
    }
    // strip trailing zeros so the digit string is minimal (Ryū may leave some when vm == vr)
    int exp = e10 + removed;
    while (output % 10 == 0) {
      output /= 10;
      exp++;
    }
    return new long[] {output, exp};
  }

  /** ((m * mul) >> j) for a 64-bit m and a 128-bit mul, 64 < j < 128. */
  private static long mulShift(long m, long[] mul, int j) {
    long b0Hi = unsignedMultiplyHigh(m, mul[0]);
    long b2Lo = m * mul[1];
    long b2Hi = unsignedMultiplyHigh(m, mul[1]);
    long sumLo = b0Hi + b2Lo;
    if (Long.compareUnsigned(sumLo, b0Hi) < 0) {
      b2Hi++;
    }
    int dist = j - 64;
    return (b2Hi << (64 - dist)) | (sumLo >>> dist);
  }

  private static long unsignedMultiplyHigh(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
  }

  private static int pow5Factor(long value) {
    int count = 0;
    while (value > 0 && value % 5 == 0) {
      value /= 5;
      count++;
    }
    return count;
  }

  private static int log10Pow2(int e) {
    return (int) ((e * 78913L) >>> 18);
  }

  private static int log10Pow5(int e) {
    return (int) ((e * 732923L) >>> 20);
  }

  private static int pow5bits(int e) {
    return (int) (((e * 1217359L) >>> 19) + 1);
  }
}
