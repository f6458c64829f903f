package org.lmeval.platform.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A Jinja2 filter registered in Jinjava's filter library. The expression engine calls
 * {@link #apply}; Jinjava's own entry points delegate to it too.
 */
final class JinjaFilter implements Filter {
  private final String name;
  private final Filters.Body body;

  JinjaFilter(String name, Filters.Body body) {
    this.name = name;
    this.body = body;
  }

  @Override
  public String getName() {
    return name;
  }

  Object apply(Object value, List<Object> args, Map<String, Object> kwargs, Frame frame) {
    return body.apply(value, new Args(name, args, kwargs), frame);
  }

  @Override
  public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
    return apply(var, List.copyOf(Arrays.asList((Object[]) args)), Map.of(), new RenderFrame(interpreter));
  }

  @Override
  public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args,
      Map<String, Object> kwargs) {
    return apply(var, Arrays.asList(args), kwargs, new RenderFrame(interpreter));
  }
}
