package org.lmeval.plugin.filters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.filter.Filter;
import org.lmeval.api.support.PythonStrings;
import org.lmeval.api.support.YamlKwargs;

/**
 * {@code remove_whitespace} ({@code str.strip()}), {@code lowercase} ({@code str.lower()}) and
 * {@code uppercase} ({@code str.upper()}): each response of each request is transformed with Python's string
 * semantics. As in lm-eval, a request whose responses were already collapsed to one string is iterated
 * character by character.
 */
public final class StringTransformFilter implements Filter {
  /** The three transformations, under lm-eval's filter names. */
  public enum Transform {
    REMOVE_WHITESPACE("remove_whitespace", PythonStrings::strip),
    LOWERCASE("lowercase", PythonStrings::lower),
    UPPERCASE("uppercase", PythonStrings::upper);

    private final String filterName;
    private final UnaryOperator<String> function;

    Transform(String filterName, UnaryOperator<String> function) {
      this.filterName = filterName;
      this.function = function;
    }

    public String filterName() {
      return filterName;
    }
  }

  private final Transform transform;

  private StringTransformFilter(Transform transform) {
    this.transform = transform;
  }

  static Filter create(Transform transform, Options kwargs) {
    YamlKwargs.of("filter '" + transform.filterName + "'", kwargs);
    return new StringTransformFilter(transform);
  }

  @Override
  public List<Object> apply(List<Object> responses, List<Map<String, Object>> docs) {
    List<Object> out = new ArrayList<>(responses.size());
    for (Object r : responses) {
      List<Object> transformed = new ArrayList<>();
      for (Object x : PySequences.iterate(r, transform.filterName)) {
        if (!(x instanceof String s)) {
          throw new EvalException(ErrorCode.INVALID_TASK, "filter '" + transform.filterName
              + "' transforms strings, got " + PySequences.describe(x));
        }
        transformed.add(transform.function.apply(s));
      }
      out.add(transformed);
    }
    return out;
  }
}
