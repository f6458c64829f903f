package org.lmeval.platform.task;

import java.util.Collection;
import java.util.Map;
import org.lmeval.api.support.PythonStrings;
import org.lmeval.platform.python.PythonStr;

/** Python semantics prompt building needs: {@code str()}, {@code repr()}, truthiness, isspace, isdigit. */
final class PyText {
  private PyText() {}

  /** Python's {@code str(x)}. */
  static String str(Object x) {
    return PythonStr.str(x);
  }

  /** Python's {@code repr(x)}. */
  static String repr(Object x) {
    return PythonStr.repr(x);
  }

  /** Python truthiness: None, False, 0, "" and empty containers are false. */
  static boolean truthy(Object x) {
    if (x == null) {
      return false;
    }
    if (x instanceof Boolean b) {
      return b;
    }
    if (x instanceof String s) {
      return !s.isEmpty();
    }
    if (x instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (x instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (x instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return true;
  }

  /** Python's {@code s[-1].isspace()} (false for ""). */
  static boolean endsWithSpace(String s) {
    return !s.isEmpty() && PythonStrings.isspace(s.codePointBefore(s.length()));
  }

  /** Python's {@code s[0].isspace()} (false for ""). */
  static boolean startsWithSpace(String s) {
    return !s.isEmpty() && PythonStrings.isspace(s.codePointAt(0));
  }

  /** Python's {@code str.isdigit}. */
  static boolean isDigit(String s) {
    return PythonStrings.isdigit(s);
  }
}
