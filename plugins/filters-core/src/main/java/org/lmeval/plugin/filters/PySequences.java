package org.lmeval.plugin.filters;

import java.util.ArrayList;
import java.util.List;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/**
 * Python sequence semantics that lm-eval's filters rely on: iterating a request's responses (a list, or, after
 * {@code take_first}, a string, which Python iterates character by character), indexing and slicing.
 */
final class PySequences {
  private PySequences() {}

  /** What {@code for x in value} visits: list elements, or a string's characters (code points). */
  static List<Object> iterate(Object value, String filter) {
    if (value instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    if (value instanceof String s) {
      List<Object> chars = new ArrayList<>();
      s.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
      return chars;
    }
    throw new EvalException(ErrorCode.INVALID_TASK, "filter '" + filter
        + "' expects each request's responses as a list (or a string), got " + describe(value));
  }

  /** {@code value[index]} with Python's negative indexing. */
  static Object index(Object value, int index, String filter) {
    List<Object> items = iterate(value, filter);
    int i = index < 0 ? index + items.size() : index;
    if (i < 0 || i >= items.size()) {
      throw new EvalException(ErrorCode.INVALID_TASK, "filter '" + filter + "': index " + index
          + " is out of range for " + items.size() + " responses");
    }
    return items.get(i);
  }

  /** {@code value[:stop]}: a list slice stays a list, a string slice a string. */
  static Object prefix(Object value, int stop, String filter) {
    List<Object> items = iterate(value, filter);
    int n = items.size();
    int end = stop < 0 ? Math.max(0, stop + n) : Math.min(stop, n);
    List<Object> head = items.subList(0, end);
    if (value instanceof String) {
      return String.join("", head.stream().map(String.class::cast).toList());
    }
    return new ArrayList<>(head);
  }

  /** The number of elements {@code len(value)}. */
  static int length(Object value, String filter) {
    return iterate(value, filter).size();
  }

  static String describe(Object value) {
    return value == null ? "None" : value.getClass().getSimpleName() + " '" + value + "'";
  }
}
