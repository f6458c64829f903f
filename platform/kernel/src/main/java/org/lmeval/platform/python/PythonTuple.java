package org.lmeval.platform.python;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A Python tuple: an immutable {@link List} (equal to any list with the same elements, as Java lists
 * are) that {@link PythonStr#repr} and {@link PythonJson} still recognise as a tuple, so {@code (1,)}
 * prints as {@code (1,)} and not {@code [1]}.
 */
public final class PythonTuple extends AbstractList<Object> implements RandomAccess {
  private static final PythonTuple EMPTY = new PythonTuple(new Object[0]);
  private final Object[] items;

  private PythonTuple(Object[] items) {
    this.items = items;
  }

  /** A tuple of the given items (nulls are Python {@code None}). */
  public static PythonTuple of(Object... items) {
    return items.length == 0 ? EMPTY : new PythonTuple(items.clone());
  }

  /** A tuple holding a copy of the list's items. */
  public static PythonTuple copyOf(List<?> items) {
    return items.isEmpty() ? EMPTY : new PythonTuple(items.toArray());
  }

  @Override
  public Object get(int index) {
    return items[index];
  }

  @Override
  public int size() {
    return items.length;
  }

  @Override
  public Object[] toArray() {
    return Arrays.copyOf(items, items.length);
  }
}
