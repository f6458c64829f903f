package org.lmeval.platform.template;

import java.util.List;

/**
 * A template-only Python value ({@code range}, dict views, bound methods, {@code loop},
 * {@code namespace()}, ...): how {@link Py} sees it.
 */
interface PyValue {
  /** Python's type name, as in error messages ({@code range}, {@code dict_keys}, ...). */
  String typeName();

  /** The module-qualified name Jinja2 uses in "has no attribute" messages. */
  default String qualifiedTypeName() {
    return typeName();
  }

  String repr();

  default boolean truthy() {
    return true;
  }

  /** {@code len(self)}, or -1 when the type has no length. */
  default int length() {
    return -1;
  }

  /** The items {@code iter(self)} yields, or null when the type is not iterable. */
  default List<Object> items() {
    return null;
  }

  /** Python attribute lookup; {@link Py#ABSENT} when there is no such attribute. */
  default Object attribute(String name) {
    return Py.ABSENT;
  }

  default boolean pyEquals(Object other) {
    return this == other;
  }
}
