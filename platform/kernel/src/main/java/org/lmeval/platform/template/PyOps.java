package org.lmeval.platform.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lmeval.platform.python.PythonTuple;

/** Python's operators: {@code + - * / // % **}, unary minus and plus, {@code in}, and Jinja's {@code ~}. */
final class PyOps {
  private static final int MAX_REPEAT = 100_000_000;

  private PyOps() {}

  private static void checkDefined(Object a, Object b) {
    if (a instanceof Undefined u) {
      throw u.error();
    }
    if (b instanceof Undefined u) {
      throw u.error();
    }
  }

  private static PyException unsupported(String op, Object a, Object b) {
    return PyException.typeError("unsupported operand type(s) for " + op + ": '"
        + Py.typeName(a) + "' and '" + Py.typeName(b) + "'");
  }

  static Object add(Object a, Object b) {
    checkDefined(a, b);
    if (Py.isNumber(a) && Py.isNumber(b)) {
      if (Py.isInt(a) && Py.isInt(b)) {
        if (Py.fitsLong(a) && Py.fitsLong(b)) {
          long x = Py.longValue(a);
          long y = Py.longValue(b);
          long r = x + y;
          if (((x ^ r) & (y ^ r)) >= 0) {
            return r;
          }
        }
        return Py.intResult(Py.bigInt(a).add(Py.bigInt(b)));
      }
      return Py.toDouble(a) + Py.toDouble(b);
    }
    if (a instanceof String sa) {
      if (b instanceof String sb) {
        return sa + sb;
      }
      throw PyException.typeError("can only concatenate str (not \"" + Py.typeName(b) + "\") to str");
    }
    if (a instanceof List<?> la && !(a instanceof PythonTuple)) {
      if (b instanceof List<?> lb && !(b instanceof PythonTuple)) {
        List<Object> out = new ArrayList<>(la.size() + lb.size());
        out.addAll(la);
        out.addAll(lb);
        return out;
      }
      throw PyException.typeError("can only concatenate list (not \"" + Py.typeName(b) + "\") to list");
    }
    if (a instanceof PythonTuple ta) {
      if (b instanceof PythonTuple tb) {
        List<Object> out = new ArrayList<>(ta);
        out.addAll(tb);
        return PythonTuple.copyOf(out);
      }
      throw PyException.typeError("can only concatenate tuple (not \"" + Py.typeName(b) + "\") to tuple");
    }
    throw unsupported("+", a, b);
  }

  static Object sub(Object a, Object b) {
    checkDefined(a, b);
    if (Py.isNumber(a) && Py.isNumber(b)) {
      if (Py.isInt(a) && Py.isInt(b)) {
        if (Py.fitsLong(a) && Py.fitsLong(b)) {
          long x = Py.longValue(a);
          long y = Py.longValue(b);
          long r = x - y;
          if (((x ^ y) & (x ^ r)) >= 0) {
            return r;
          }
        }
        return Py.intResult(Py.bigInt(a).subtract(Py.bigInt(b)));
      }
      return Py.toDouble(a) - Py.toDouble(b);
    }
    if (a instanceof Set<?> sa && b instanceof Set<?> sb) {
      Set<Object> out = new java.util.LinkedHashSet<>();
      for (Object x : sa) {
        if (!Py.setContains(sb, x)) {
          out.add(x);
        }
      }
      return out;
    }
    throw unsupported("-", a, b);
  }

  static Object mul(Object a, Object b) {
    checkDefined(a, b);
    if (Py.isNumber(a) && Py.isNumber(b)) {
      if (Py.isInt(a) && Py.isInt(b)) {
        if (Py.fitsLong(a) && Py.fitsLong(b)) {
          long x = Py.longValue(a);
          long y = Py.longValue(b);
          long hi = Math.multiplyHigh(x, y);
          long lo = x * y;
          if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return lo;
          }
        }
        return Py.intResult(Py.bigInt(a).multiply(Py.bigInt(b)));
      }
      return Py.toDouble(a) * Py.toDouble(b);
    }
    if (isSequence(a) && Py.isInt(b)) {
      return repeat(a, b);
    }
    if (Py.isInt(a) && isSequence(b)) {
      return repeat(b, a);
    }
    if (isSequence(a) || isSequence(b)) {
      throw PyException.typeError("can't multiply sequence by non-int of type '"
          + Py.typeName(isSequence(a) ? b : a) + "'");
    }
    throw unsupported("*", a, b);
  }

  private static boolean isSequence(Object o) {
    return o instanceof String || o instanceof List;
  }

  private static Object repeat(Object seq, Object times) {
    long n = Py.fitsLong(times) ? Py.longValue(times) : (Py.bigInt(times).signum() > 0 ? Long.MAX_VALUE : 0);
    if (n <= 0) {
      return seq instanceof String ? "" : (seq instanceof PythonTuple ? PythonTuple.of() : new ArrayList<>());
    }
    long size = seq instanceof String s ? s.length() : ((List<?>) seq).size();
    if (size * n > MAX_REPEAT || n > MAX_REPEAT) {
      throw new PyException("MemoryError", "");
    }
    if (seq instanceof String s) {
      return s.repeat((int) n);
    }
    List<?> l = (List<?>) seq;
    List<Object> out = new ArrayList<>((int) (size * n));
    for (long i = 0; i < n; i++) {
      out.addAll(l);
    }
    return seq instanceof PythonTuple ? PythonTuple.copyOf(out) : out;
  }

  /** {@code a / b}: true division, always a float. */
  static Object truediv(Object a, Object b) {
    checkDefined(a, b);
    if (!Py.isNumber(a) || !Py.isNumber(b)) {
      throw unsupported("/", a, b);
    }
    if (Py.isInt(a) && Py.isInt(b)) {
      BigInteger y = Py.bigInt(b);
      if (y.signum() == 0) {
        throw PyException.zeroDivision("division by zero");
      }
      BigInteger x = Py.bigInt(a);
      if (x.bitLength() <= 53 && y.bitLength() <= 53) {
        return x.doubleValue() / y.doubleValue();
      }
      double q = new BigDecimal(x).divide(new BigDecimal(y), MathContext.DECIMAL128).doubleValue();
      if (Double.isInfinite(q)) {
        throw PyException.overflow("integer division result too large for a float");
      }
      return exactQuotient(x, y, q);
    }
    double y = Py.toDouble(b);
    if (y == 0.0) {
      throw PyException.zeroDivision("float division by zero");
    }
    return Py.toDouble(a) / y;
  }

  /** Corrects a quotient estimate to the correctly rounded double of x / y (as CPython's long division). */
  private static double exactQuotient(BigInteger x, BigInteger y, double estimate) {
    BigDecimal exact = new BigDecimal(x).divide(new BigDecimal(y), new MathContext(60, RoundingMode.HALF_EVEN));
    double best = estimate;
    BigDecimal bestErr = exact.subtract(new BigDecimal(best)).abs();
    for (double c : new double[] {Math.nextDown(estimate), Math.nextUp(estimate)}) {
      BigDecimal err = exact.subtract(new BigDecimal(c)).abs();
      if (err.compareTo(bestErr) < 0) {
        best = c;
        bestErr = err;
      }
    }
    return best;
  }

  /** {@code a // b}. */
  static Object floordiv(Object a, Object b) {
    checkDefined(a, b);
    if (!Py.isNumber(a) || !Py.isNumber(b)) {
      throw unsupported("//", a, b);
    }
    if (Py.isInt(a) && Py.isInt(b)) {
      BigInteger y = Py.bigInt(b);
      if (y.signum() == 0) {
        throw PyException.zeroDivision("integer division or modulo by zero");
      }
      if (Py.fitsLong(a) && Py.fitsLong(b) && !(Py.longValue(a) == Long.MIN_VALUE && y.longValue() == -1)) {
        return Math.floorDiv(Py.longValue(a), Py.longValue(b));
      }
      BigInteger[] qr = Py.bigInt(a).divideAndRemainder(y);
      BigInteger q = qr[0];
      if (qr[1].signum() != 0 && (qr[1].signum() != y.signum())) {
        q = q.subtract(BigInteger.ONE);
      }
      return Py.intResult(q);
    }
    double y = Py.toDouble(b);
    if (y == 0.0) {
      throw PyException.zeroDivision("float floor division by zero");
    }
    return floatDivmod(Py.toDouble(a), y)[0];
  }

  /** {@code a % b}: numbers, or printf-style formatting when {@code a} is a str. */
  static Object mod(Object a, Object b) {
    checkDefined(a, b);
    if (a instanceof String s) {
      return PyFormat.percent(s, b);
    }
    if (!Py.isNumber(a) || !Py.isNumber(b)) {
      throw unsupported("%", a, b);
    }
    if (Py.isInt(a) && Py.isInt(b)) {
      BigInteger y = Py.bigInt(b);
      if (y.signum() == 0) {
        throw PyException.zeroDivision("integer modulo by zero");
      }
      if (Py.fitsLong(a) && Py.fitsLong(b)) {
        return Math.floorMod(Py.longValue(a), Py.longValue(b));
      }
      BigInteger r = Py.bigInt(a).mod(y.abs());
      if (y.signum() < 0 && r.signum() != 0) {
        r = r.add(y);
      }
      return Py.intResult(r);
    }
    double y = Py.toDouble(b);
    if (y == 0.0) {
      throw PyException.zeroDivision("float modulo");
    }
    return floatDivmod(Py.toDouble(a), y)[1];
  }

  /** CPython's {@code float_divmod}: {floor quotient, modulo}. */
  static double[] floatDivmod(double vx, double wx) {
    double mod = vx % wx;
    double div = (vx - mod) / wx;
    if (mod != 0.0) {
      if ((wx < 0) != (mod < 0)) {
        mod += wx;
        div -= 1.0;
      }
    } else {
      mod = Math.copySign(0.0, wx);
    }
    double floordiv;
    if (div != 0.0) {
      floordiv = Math.floor(div);
      if (div - floordiv > 0.5) {
        floordiv += 1.0;
      }
    } else {
      floordiv = Math.copySign(0.0, vx / wx);
    }
    return new double[] {floordiv, mod};
  }

  /** {@code a ** b}. */
  static Object pow(Object a, Object b) {
    checkDefined(a, b);
    if (!Py.isNumber(a) || !Py.isNumber(b)) {
      throw unsupported("** or pow()", a, b);
    }
    if (Py.isInt(a) && Py.isInt(b)) {
      BigInteger base = Py.bigInt(a);
      BigInteger exp = Py.bigInt(b);
      if (exp.signum() >= 0) {
        if (exp.bitLength() > 31 || (base.bitLength() > 1 && (long) base.bitLength() * exp.intValue() > 1_000_000)) {
          if (base.abs().compareTo(BigInteger.ONE) <= 0) {
            return Py.intResult(base.signum() == 0 ? (exp.signum() == 0 ? BigInteger.ONE : BigInteger.ZERO)
                : (base.signum() > 0 || !exp.testBit(0) ? BigInteger.ONE : BigInteger.ONE.negate()));
          }
          throw new PyException("MemoryError", "");
        }
        return Py.intResult(base.pow(exp.intValue()));
      }
      if (base.signum() == 0) {
        throw PyException.zeroDivision("0.0 cannot be raised to a negative power");
      }
      return floatPow(Py.toDouble(a), Py.toDouble(b));
    }
    return floatPow(Py.toDouble(a), Py.toDouble(b));
  }

  private static double floatPow(double x, double y) {
    if (x == 0.0 && y < 0) {
      throw PyException.zeroDivision("0.0 cannot be raised to a negative power");
    }
    if (x < 0 && y != Math.rint(y) && !Double.isInfinite(y)) {
      throw PyException.valueError("complex results are not supported in templates");
    }
    double r = Math.pow(x, y);
    if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
      throw PyException.overflow("(34, 'Numerical result out of range')");
    }
    return r;
  }

  static Object neg(Object a) {
    if (a instanceof Undefined u) {
      throw u.error();
    }
    if (Py.isInt(a)) {
      if (Py.fitsLong(a) && Py.longValue(a) != Long.MIN_VALUE) {
        return -Py.longValue(a);
      }
      return Py.intResult(Py.bigInt(a).negate());
    }
    if (Py.isFloat(a)) {
      return -Py.toDouble(a);
    }
    throw PyException.typeError("bad operand type for unary -: '" + Py.typeName(a) + "'");
  }

  static Object pos(Object a) {
    if (a instanceof Undefined u) {
      throw u.error();
    }
    if (Py.isInt(a)) {
      return Py.intResult(Py.bigInt(a));
    }
    if (Py.isFloat(a)) {
      return Py.toDouble(a);
    }
    throw PyException.typeError("bad operand type for unary +: '" + Py.typeName(a) + "'");
  }

  /** {@code item in container}. */
  static boolean contains(Object container, Object item) {
    if (container instanceof Undefined u) {
      return !u.iterate().isEmpty();
    }
    if (container instanceof String s) {
      if (item instanceof String sub) {
        return s.contains(sub);
      }
      if (item instanceof Undefined u) {
        throw u.error();
      }
      throw PyException.typeError("'in <string>' requires string as left operand, not "
          + Py.typeName(item));
    }
    if (container instanceof List<?> l) {
      for (Object x : l) {
        if (x == item || Py.eq(x, item)) {
          return true;
        }
      }
      return false;
    }
    if (container instanceof Map<?, ?> m) {
      return Py.dictGet(m, item) != Py.ABSENT;
    }
    if (container instanceof Set<?> s) {
      return Py.setContains(s, item);
    }
    if (container instanceof DictView v) {
      return v.contains(item);
    }
    if (container instanceof PyRange r) {
      if (!Py.isInt(item)) {
        return r.items().stream().anyMatch(x -> Py.eq(x, item));
      }
      for (Object x : r.items()) {
        if (Py.eq(x, item)) {
          return true;
        }
      }
      return false;
    }
    if (container instanceof PyValue v && v.items() != null) {
      return v.items().stream().anyMatch(x -> Py.eq(x, item));
    }
    throw PyException.typeError("argument of type '" + Py.typeName(container) + "' is not iterable");
  }
}
