package org.lmeval.platform.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lmeval.platform.python.PythonTuple;

/**
 * Jinja2's {@code Environment.getattr} ({@code x.name}: attribute first, then item) and
 * {@code Environment.getitem} ({@code x[key]}: item first, then attribute for str keys), both giving
 * an {@link Undefined} instead of failing, and Python slicing ({@code x[a:b:c]}, which Jinja2 compiles
 * to a plain subscript, so its errors are raised).
 */
final class Attrs {
  private Attrs() {}

  /** {@code obj.name}. */
  static Object getattr(Object obj, String name) {
    if (obj instanceof Undefined u) {
      throw u.error();
    }
    Object attr = Methods.attribute(obj, name);
    if (attr != Py.ABSENT) {
      return attr;
    }
    Object item = item(obj, name);
    return item != Py.ABSENT ? item : Undefined.member(obj, name);
  }

  /** {@code obj[key]}. */
  static Object getitem(Object obj, Object key) {
    if (obj instanceof Undefined u) {
      throw u.error();
    }
    Object item = item(obj, key);
    if (item != Py.ABSENT) {
      return item;
    }
    if (key instanceof String name) {
      Object attr = Methods.attribute(obj, name);
      if (attr != Py.ABSENT) {
        return attr;
      }
    }
    return Undefined.member(obj, key);
  }

  /** Python's {@code obj[key]}, or {@link Py#ABSENT} where Python raises a lookup or type error. */
  private static Object item(Object obj, Object key) {
    if (key instanceof Undefined u) {
      throw u.error();
    }
    if (obj instanceof Map<?, ?> m) {
      try {
        return Py.dictGet(m, key);
      } catch (PyException unhashable) {
        return Py.ABSENT;
      }
    }
    if (!Py.isInt(key)) {
      return Py.ABSENT;
    }
    if (!Py.fitsLong(key)) {
      return Py.ABSENT;
    }
    long i = Py.longValue(key);
    if (obj instanceof List<?> l) {
      if (i < 0) {
        i += l.size();
      }
      return i >= 0 && i < l.size() ? l.get((int) i) : Py.ABSENT;
    }
    if (obj instanceof String s) {
      int n = s.codePointCount(0, s.length());
      if (i < 0) {
        i += n;
      }
      if (i < 0 || i >= n) {
        return Py.ABSENT;
      }
      int at = n == s.length() ? (int) i : s.offsetByCodePoints(0, (int) i);
      return s.substring(at, at + Character.charCount(s.codePointAt(at)));
    }
    if (obj instanceof PyRange r) {
      long n = r.size();
      if (i < 0) {
        i += n;
      }
      return i >= 0 && i < n ? (Object) r.get(i) : Py.ABSENT;
    }
    return Py.ABSENT;
  }

  /** {@code obj[start:stop:step]} with Python's slice rules; bounds may be null. */
  static Object slice(Object obj, Object start, Object stop, Object step) {
    if (obj instanceof Undefined u) {
      throw u.error();
    }
    long st = step == null ? 1 : sliceIndex(step);
    if (st == 0) {
      throw PyException.valueError("slice step cannot be zero");
    }
    if (obj instanceof String s) {
      int[] cps = s.codePoints().toArray();
      long[] r = indices(cps.length, start, stop, st);
      StringBuilder sb = new StringBuilder();
      for (long i = r[0], k = 0; k < r[2]; k++, i += st) {
        sb.appendCodePoint(cps[(int) i]);
      }
      return sb.toString();
    }
    if (obj instanceof List<?> l) {
      long[] r = indices(l.size(), start, stop, st);
      List<Object> out = new ArrayList<>((int) r[2]);
      for (long i = r[0], k = 0; k < r[2]; k++, i += st) {
        out.add(l.get((int) i));
      }
      return obj instanceof PythonTuple ? PythonTuple.copyOf(out) : out;
    }
    if (obj instanceof PyRange rg) {
      long[] r = indices(rg.size(), start, stop, st);
      return new PyRange(rg.get(r[0]), rg.get(r[0]) + r[2] * st * rg.step, st * rg.step);
    }
    if (obj instanceof Map) {
      throw PyException.typeError("unhashable type: 'slice'");
    }
    throw PyException.typeError("'" + Py.typeName(obj) + "' object is not subscriptable");
  }

  private static long sliceIndex(Object bound) {
    if (bound instanceof Undefined u) {
      throw u.error();
    }
    if (!Py.isInt(bound)) {
      throw PyException.typeError(
          "slice indices must be integers or None or have an __index__ method");
    }
    if (!Py.fitsLong(bound)) {
      return Py.bigInt(bound).signum() > 0 ? Long.MAX_VALUE / 2 : Long.MIN_VALUE / 2;
    }
    return Py.longValue(bound);
  }

  /** CPython's {@code PySlice_AdjustIndices}: {start, stop, count}. */
  private static long[] indices(long length, Object startObj, Object stopObj, long step) {
    long start;
    long stop;
    if (startObj == null) {
      start = step < 0 ? length - 1 : 0;
    } else {
      start = sliceIndex(startObj);
      if (start < 0) {
        start += length;
        if (start < 0) {
          start = step < 0 ? -1 : 0;
        }
      } else if (start >= length) {
        start = step < 0 ? length - 1 : length;
      }
    }
    if (stopObj == null) {
      stop = step < 0 ? -1 : length;
    } else {
      stop = sliceIndex(stopObj);
      if (stop < 0) {
        stop += length;
        if (stop < 0) {
          stop = step < 0 ? -1 : 0;
        }
      } else if (stop >= length) {
        stop = step < 0 ? length - 1 : length;
      }
    }
    long count;
    if (step < 0) {
      count = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
    } else {
      count = start < stop ? (stop - start - 1) / step + 1 : 0;
    }
    return new long[] {start, stop, count};
  }
}
