package org.lmeval.platform.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lmeval.platform.python.PythonTuple;

/** {@code dict.keys()}, {@code dict.values()} and {@code dict.items()}: live views of a dict. */
final class DictView implements PyValue {
  enum Kind { KEYS, VALUES, ITEMS }

  private final Map<?, ?> dict;
  private final Kind kind;

  DictView(Map<?, ?> dict, Kind kind) {
    this.dict = dict;
    this.kind = kind;
  }

  @Override
  public String typeName() {
    return "dict_" + kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String repr() {
    return typeName() + "(" + Py.repr(items()) + ")";
  }

  @Override
  public boolean truthy() {
    return !dict.isEmpty();
  }

  @Override
  public int length() {
    return dict.size();
  }

  @Override
  public List<Object> items() {
    List<Object> out = new ArrayList<>(dict.size());
    for (Map.Entry<?, ?> e : dict.entrySet()) {
      out.add(switch (kind) {
        case KEYS -> e.getKey();
        case VALUES -> e.getValue();
        case ITEMS -> PythonTuple.of(e.getKey(), e.getValue());
      });
    }
    return out;
  }

  boolean contains(Object item) {
    return switch (kind) {
      case KEYS -> Py.dictGet(dict, item) != Py.ABSENT;
      case VALUES, ITEMS -> items().stream().anyMatch(x -> Py.eq(x, item));
    };
  }
}
