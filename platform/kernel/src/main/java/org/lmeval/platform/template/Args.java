package org.lmeval.platform.template;

import java.util.List;
import java.util.Map;

/** The arguments of a call to a Python builtin, with CPython-style checks and messages. */
final class Args {
  private final String function;
  private final List<Object> positional;
  private final Map<String, Object> keywords;

  Args(String function, List<Object> positional, Map<String, Object> keywords) {
    this.function = function;
    this.positional = positional;
    this.keywords = keywords;
  }

  int size() {
    return positional.size();
  }

  String function() {
    return function;
  }

  /** Fails like {@code f() takes no keyword arguments}. */
  Args noKeywords() {
    if (!keywords.isEmpty()) {
      throw PyException.typeError(function + "() takes no keyword arguments");
    }
    return this;
  }

  /** Checks the positional count: {@code min..max} (max &lt; 0: unbounded). */
  Args count(int min, int max) {
    int n = positional.size();
    if (n < min) {
      throw PyException.typeError(function + " expected at least " + min + " argument"
          + (min == 1 ? "" : "s") + ", got " + n);
    }
    if (max >= 0 && n > max) {
      throw PyException.typeError(function + " expected at most " + max + " argument"
          + (max == 1 ? "" : "s") + ", got " + n);
    }
    return this;
  }

  /** Rejects keyword arguments other than {@code allowed}. */
  Args keywords(String... allowed) {
    outer:
    for (String k : keywords.keySet()) {
      for (String a : allowed) {
        if (a.equals(k)) {
          continue outer;
        }
      }
      throw PyException.typeError(function + "() got an unexpected keyword argument '" + k + "'");
    }
    return this;
  }

  boolean has(int index, String keyword) {
    return index < positional.size() || (keyword != null && keywords.containsKey(keyword));
  }

  /** Positional argument {@code index}, else keyword {@code keyword}, else {@code fallback}. */
  Object get(int index, String keyword, Object fallback) {
    if (index < positional.size()) {
      if (keyword != null && keywords.containsKey(keyword)) {
        throw PyException.typeError(function + "() got multiple values for argument '"
            + keyword + "'");
      }
      return positional.get(index);
    }
    if (keyword != null && keywords.containsKey(keyword)) {
      return keywords.get(keyword);
    }
    return fallback;
  }

  Object get(int index) {
    return positional.get(index);
  }

  List<Object> positional() {
    return positional;
  }

  Map<String, Object> keywords() {
    return keywords;
  }

  /** A str argument ({@code what} names it in the error). */
  static String str(Object value, String what) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Undefined u) {
      throw u.error();
    }
    throw PyException.typeError(what + " must be str, not " + Py.typeName(value));
  }

  /** An int argument as Python's {@code __index__} accepts it (ints and bools). */
  static long index(Object value) {
    if (Py.isInt(value)) {
      if (!Py.fitsLong(value)) {
        throw PyException.overflow("Python int too large to convert to C ssize_t");
      }
      return Py.longValue(value);
    }
    if (value instanceof Undefined u) {
      throw u.error();
    }
    throw PyException.typeError("'" + Py.typeName(value) + "' object cannot be interpreted as an integer");
  }
}
