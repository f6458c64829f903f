package org.lmeval.platform.template;

import java.util.ArrayList;
import java.util.List;

/** Python's {@code range}: a lazy arithmetic sequence of ints. */
final class PyRange implements PyValue {
  /** Jinja2 is unsandboxed, but a template asking for billions of items is a bug: cap it. */
  static final long MAX_ITEMS = 10_000_000L;

  final long start;
  final long stop;
  final long step;

  PyRange(long start, long stop, long step) {
    if (step == 0) {
      throw PyException.valueError("range() arg 3 must not be zero");
    }
    this.start = start;
    this.stop = stop;
    this.step = step;
  }

  long size() {
    if (step > 0) {
      return start < stop ? (stop - start - 1) / step + 1 : 0;
    }
    return start > stop ? (start - stop - 1) / (-step) + 1 : 0;
  }

  long get(long index) {
    return start + index * step;
  }

  @Override
  public String typeName() {
    return "range";
  }

  @Override
  public String repr() {
    return step == 1 ? "range(" + start + ", " + stop + ")"
        : "range(" + start + ", " + stop + ", " + step + ")";
  }

  @Override
  public boolean truthy() {
    return size() > 0;
  }

  @Override
  public int length() {
    return (int) Math.min(size(), Integer.MAX_VALUE);
  }

  @Override
  public List<Object> items() {
    long n = size();
    if (n > MAX_ITEMS) {
      throw PyException.overflow("range of " + n + " items is too large for a template");
    }
    List<Object> out = new ArrayList<>((int) n);
    for (long i = 0; i < n; i++) {
      out.add(get(i));
    }
    return out;
  }

  @Override
  public Object attribute(String name) {
    return switch (name) {
      case "start" -> start;
      case "stop" -> stop;
      case "step" -> step;
      default -> Py.ABSENT;
    };
  }

  @Override
  public boolean pyEquals(Object other) {
    if (!(other instanceof PyRange r)) {
      return false;
    }
    long n = size();
    if (n != r.size()) {
      return false;
    }
    return n == 0 || (start == r.start && (n == 1 || step == r.step));
  }
}
