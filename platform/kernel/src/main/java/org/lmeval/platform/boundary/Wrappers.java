package org.lmeval.platform.boundary;

import java.util.function.Supplier;
import org.lmeval.api.ErrorCode;

/** Helpers shared by the {@code ClassLoaderSafe*} wrappers. */
final class Wrappers {
  private Wrappers() {}

  /** Reads a component's name once, through the boundary; a null or blank name is a load failure. */
  static String name(Boundary boundary, String kind, Supplier<String> name) {
    String n = boundary.call(kind, "name()", ErrorCode.PLUGIN_LOAD_FAILED, name);
    if (n == null || n.isBlank()) {
      throw boundary.invalidResult(kind, "name()", ErrorCode.PLUGIN_LOAD_FAILED,
          "the name is " + (n == null ? "null" : "blank"));
    }
    return n;
  }
}
