package org.lmeval.platform.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A Jinja2 test ({@code x is name}) registered in Jinjava's expression-test library. */
final class JinjaTest implements ExpTest {
  private final String name;
  private final Tests.Body body;

  JinjaTest(String name, Tests.Body body) {
    this.name = name;
    this.body = body;
  }

  @Override
  public String getName() {
    return name;
  }

  boolean apply(Object value, List<Object> args, Map<String, Object> kwargs, Frame frame) {
    return body.apply(value, new Args(name, args, kwargs), frame);
  }

  @Override
  public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
    return apply(var, Arrays.asList(args), Map.of(), new RenderFrame(interpreter));
  }
}
