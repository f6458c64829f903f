package org.lmeval.plugin.filters;

import java.util.Objects;
import java.util.function.Function;
import org.lmeval.api.Options;
import org.lmeval.api.filter.Filter;
import org.lmeval.api.filter.FilterFactory;

/**
 * A filter of this plugin: lm-eval's name and how to build a step from its YAML kwargs (the builder reads and
 * checks every kwarg).
 *
 * @param name lm-eval's filter name
 * @param builder builds a configured filter step
 */
public record BuiltinFilterFactory(String name, Function<Options, Filter> builder) implements FilterFactory {
  public BuiltinFilterFactory {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(builder, "builder");
  }

  @Override
  public Filter create(Options kwargs) {
    return builder.apply(kwargs);
  }
}
