package org.lmeval.platform.template;

import java.util.List;

/**
 * A one-shot Python iterator, as filters such as {@code select}, {@code map}, {@code unique},
 * {@code batch} and {@code reverse} return: iterable once (a second iteration yields nothing), always
 * true, no {@code len()}; templates normally finish it with {@code |list} or {@code |join}.
 */
final class PyIterator implements PyValue {
  private final String typeName;
  private List<Object> remaining;

  PyIterator(String typeName, List<Object> items) {
    this.typeName = typeName;
    this.remaining = items;
  }

  @Override
  public String typeName() {
    return typeName;
  }

  @Override
  public String repr() {
    return typeName.equals("generator") ? "<generator object>" : "<" + typeName + " object>";
  }

  @Override
  public List<Object> items() {
    List<Object> out = remaining;
    remaining = List.of();
    return out;
  }
}
