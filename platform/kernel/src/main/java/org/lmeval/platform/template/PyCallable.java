package org.lmeval.platform.template;

import java.util.List;
import java.util.Map;

/** Something a template can call: a global function, a bound method, {@code loop.cycle}, ... */
interface PyCallable {
  /** Calls with positional and keyword arguments (keyword order as written). */
  Object call(List<Object> args, Map<String, Object> kwargs);
}
