package org.lmeval.platform.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chat-template environment ({@link JinjaRenderer.Options#TRANSFORMERS_CHAT}): expected strings are what
 * Python's Jinja2 3.1 renders with transformers' {@code ImmutableSandboxedEnvironment(trim_blocks=True,
 * lstrip_blocks=True)}.
 */
class JinjaChatOptionsTest {
  private static final JinjaRenderer CHAT = new JinjaRenderer(JinjaRenderer.Options.TRANSFORMERS_CHAT);

  private static Map<String, Object> nullTools() {
    Map<String, Object> m = new HashMap<>();
    m.put("tools", null);
    return m;
  }

  @Test
  void trimBlocksLstripBlocksAndNoTrailingNewline() {
    assertEquals("  yes\n",
        CHAT.render("{% if true %}\n  yes\n{% endif %}\n", Map.of()));
    assertEquals("A\n  BC  D",
        CHAT.render("  {% if true %}\nA\n  {%+ if true %}B{% endif %}\n{# c #}\nC  {% if x %}D{% endif %}\n{% endif %}", Map.of("x", 1)));
    assertEquals("v\nX",
        CHAT.render("{{ a }}\n  {% if a %}\nX\n{%- endif %}\n\n", Map.of("a", "v")));
    assertEquals("[]True",
        CHAT.render("{% if missing %}no{% else %}[{{ missing }}]{% endif %}{{ tools is none }}", nullTools()));
    assertEquals("ab\n  {{x}}c",
        CHAT.render("a {%- if true %}\nb{% raw %}\n  {{x}}{% endraw %}\nc{% endif %}\n", Map.of()));
    assertEquals("\t1\n\t2\nend",
        CHAT.render("\t{% for i in [1,2] %}\n\t{{ i }}\n\t{% endfor %}\nend", Map.of()));
    assertEquals("x 1  yz",
        CHAT.render("x {{ 1 }}  {% if true %}y{% endif %}\n  {# note #}\nz", Map.of()));
  }

  @Test
  void lmEvalSettingsAreUnchanged() {
    JinjaRenderer lmEval = new JinjaRenderer();
    assertEquals("\n  yes\n\n", lmEval.render("{% if true %}\n  yes\n{% endif %}\n", Map.of()));
    JinjaTemplateException e = assertThrows(JinjaTemplateException.class, () -> lmEval.render("{{ missing }}",
        Map.of()));
    assertEquals("UndefinedError", e.errorType());
  }

  @Test
  void raiseExceptionRaisesTemplateError() {
    JinjaTemplateException e = assertThrows(JinjaTemplateException.class,
        () -> CHAT.render("{{ raise_exception('roles must alternate') }}", Map.of()));
    assertEquals("TemplateError", e.errorType());
    assertEquals("roles must alternate", e.detail());
    assertThrows(JinjaTemplateException.class, () -> new JinjaRenderer().render("{{ raise_exception('x') }}",
        Map.of()), "lm-eval's environment has no raise_exception");
  }

  @Test
  void undefinedIsLenientWhenPrintedOrTested() {
    assertEquals("[|no]", CHAT.render("[{{ nothing }}|{{ 'yes' if nothing else 'no' }}]", Map.of()));
    JinjaTemplateException e = assertThrows(JinjaTemplateException.class,
        () -> CHAT.render("{{ nothing.attr }}", Map.of()));
    assertEquals("UndefinedError", e.errorType());
  }

  @Test
  @SuppressWarnings("unchecked")
  void chatTemplateConstructsRenderAsInTransformers() throws IOException {
    Map<String, Object> fx;
    try (InputStream in = getClass().getResourceAsStream("/template/chat-cases.json")) {
      fx = new ObjectMapper().readValue(in, Map.class);
    }
    Map<String, Object> vars = (Map<String, Object>) fx.get("variables");
    List<String> failures = new ArrayList<>();
    for (List<String> c : (List<List<String>>) fx.get("cases")) {
      String got;
      try {
        got = CHAT.render(c.get(0), vars);
      } catch (JinjaTemplateException e) {
        got = "ERR " + e.getMessage();
      }
      if (!c.get(1).equals(got)) {
        failures.add(c.get(0) + "\n  want: " + c.get(1) + "\n  got:  " + got);
      }
    }
    assertEquals(List.of(), failures);
  }
}
