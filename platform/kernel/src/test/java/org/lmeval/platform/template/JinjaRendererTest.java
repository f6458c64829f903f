package org.lmeval.platform.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.platform.python.PythonTuple;

/**
 * One test per Python behaviour the renderer reproduces. Every expected output was produced by
 * Python's Jinja2 3.1 in lm-eval's environment (StrictUndefined, keep_trailing_newline,
 * regex_replace).
 */
class JinjaRendererTest {
  private static final JinjaRenderer RENDERER = new JinjaRenderer();

  private static void assertRenders(String expected, String template, Map<String, Object> doc) {
    assertEquals(expected, RENDERER.render(template, doc), template);
  }

  private static JinjaTemplateException assertFails(String type, String template, Map<String, Object> doc) {
    JinjaTemplateException e = assertThrows(JinjaTemplateException.class, () -> RENDERER.render(template, doc),
        template);
    assertEquals(type, e.errorType(), e.getMessage());
    assertEquals(ErrorCode.INVALID_TASK, e.code());
    return e;
  }

  /** A mutable map keeping insertion order and null values, as Jackson builds docs. */
  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  private static List<Object> list(Object... items) {
    return new ArrayList<>(Arrays.asList(items));
  }

  // ---------------------------------------------------- behaviours checked against Python's Jinja2

  @Test
  void intsPrintAsPython() {
    assertRenders("3 -3 12345678901234567890", "{{ n }} {{ -n }} {{ big }}", map("n", 3L, "big", new java.math.BigInteger("12345678901234567890")));
  }

  @Test
  void floatsPrintAsPythonRepr() {
    assertRenders("1.0 0.1 1e-05 1e+16 -0.0 0.3333333333333333 2.0", "{{ a }} {{ b }} {{ c }} {{ d }} {{ e }} {{ 1/3 }} {{ 4/2 }}", map("a", 1.0, "b", 0.1, "c", 1e-05, "d", 1e+16, "e", -0.0));
  }

  @Test
  void boolsAndNone() {
    assertRenders("True False None True None", "{{ t }} {{ f }} {{ x }} {{ true }} {{ none }}", map("t", true, "f", false, "x", null));
  }

  @Test
  void listsAndDictsPrintAsRepr() {
    assertRenders("['a', \"b's\", 'c\"d', 'e\\'f\"g', 'back\\\\slash', 'nl\\n'] {'k': 1, 'n': None} (1,) () [[1, 2.5], {'a': [True]}]", "{{ l }} {{ d }} {{ (1,) }} {{ () }} {{ nested }}", map("l", list("a", "b's", "c\"d", "e'f\"g", "back\\slash", "nl\n"), "d", map("k", 1L, "n", null), "nested", list(list(1L, 2.5), map("a", list(true)))));
  }

  @Test
  void reprEscapesNonPrintables() {
    assertRenders("['\\x00\\x7f', '\\xa0', '\\u200b', '\\u2028', 'é中\ud83d\ude00']", "{{ l }}", map("l", list("\u0000\u007f", "\u00a0", "\u200b", "\u2028", "é中\ud83d\ude00")));
  }

  @Test
  void stripUsesPythonWhitespace() {
    assertRenders("[a b][a b \u3000\n][\u00a0\u001c a b][a]", "[{{ s.strip() }}][{{ s.lstrip() }}][{{ s.rstrip() }}][{{ 'xxaxx'.strip('x') }}]", map("s", "\u00a0\u001c a b \u3000\n"));
  }

  @Test
  void splitWhitespaceAndSeparator() {
    assertRenders("['a', 'b', 'c'] ['a', '', 'b', ''] ['a', ',b,'] ['a,,b', ''] ['a', 'b ']", "{{ s.split() }} {{ t.split(',') }} {{ t.split(',', 1) }} {{ t.rsplit(',', 1) }} {{ ' a b '.split(none, 1) }}", map("s", " a\u00a0b\tc\n", "t", "a,,b,"));
  }

  @Test
  void findIndexCountInCodePoints() {
    assertRenders("2 2 3 2 -1 4", "{{ s.find('b') }} {{ s.index('b') }} {{ s.rfind('a') }} {{ s.count('a') }} {{ s.find('z') }} {{ s|length }}", map("s", "a\ud83d\ude00ba"));
  }

  @Test
  void replaceStartsEndsJoin() {
    assertRenders("bonono bonana True True x-y", "{{ s.replace('a', 'o') }} {{ s.replace('a', 'o', 1) }} {{ s.startswith('ba') }} {{ s.endswith(('x', 'na')) }} {{ '-'.join(['x', 'y']) }}", map("s", "banana"));
  }

  @Test
  void caseMappings() {
    assertRenders("hello straße ǆ|HELLO STRASSE Ǆ|Hello straße ǆ|Hello Straße ǅ|They'Re", "{{ s.lower() }}|{{ s.upper() }}|{{ s.capitalize() }}|{{ s.title() }}|{{ \"they're\".title() }}", map("s", "hELLO straße ǅ"));
  }

  @Test
  void isdigitIsUnicodeAware() {
    assertRenders("True True True False False", "{{ '123'.isdigit() }} {{ '²'.isdigit() }} {{ '١'.isdigit() }} {{ ''.isdigit() }} {{ '1.5'.isdigit() }}", map());
  }

  @Test
  void formatAndPercent() {
    assertRenders("pi is 3.14 n=42 002.2", "{{ '{} is {:.2f}'.format('pi', 3.14159) }} {{ '%s=%d' % ('n', 42) }} {{ '%05.1f' % 2.25 }}", map());
  }

  @Test
  void listAndDictMethods() {
    assertRenders("1 2 ['k'] ['v'] [('k', 'v')] 0", "{{ l.index('b') }} {{ l.count('a') }} {{ d.keys()|list }} {{ d.values()|list }} {{ d.items()|list }} {{ d.get('x', 0) }}", map("l", list("a", "b", "a"), "d", map("k", "v")));
  }

  @Test
  void negativeIndexAndSlices() {
    assertRenders("h o el hell hlo olleh 3 [1, 2] [2, 3]", "{{ s[0] }} {{ s[-1] }} {{ s[1:3] }} {{ s[:-1] }} {{ s[::2] }} {{ s[::-1] }} {{ l[-1] }} {{ l[:-1] }} {{ l[1:] }}", map("s", "hello", "l", list(1L, 2L, 3L)));
  }

  @Test
  void dictItemAndAttribute() {
    assertRenders("v v 1 first", "{{ d.k }} {{ d['k'] }} {{ d.nested.x }} {{ l.0 }}", map("d", map("k", "v", "nested", map("x", 1L)), "l", list("first")));
  }

  @Test
  void plusConcatenatesStringsAndLists() {
    assertRenders("foobar [1, 2, 3] xxx [0, 0] foo1None", "{{ a + b }} {{ l + [3] }} {{ 'x' * 3 }} {{ [0] * 2 }} {{ a ~ 1 ~ none }}", map("a", "foo", "b", "bar", "l", list(1L, 2L)));
  }

  @Test
  void inAndComparisons() {
    assertRenders("True True True True False True True", "{{ 'an' in s }} {{ 2 in l }} {{ 'k' in d }} {{ 1 == 1.0 }} {{ '1' == 1 }} {{ 1 < 2 < 3 }} {{ 'B' < 'a' }}", map("s", "banana", "l", list(1L, 2L), "d", map("k", 1L)));
  }

  @Test
  void divisionAndModulo() {
    assertRenders("3.5 3 -4 2 1024 4 64", "{{ 7 / 2 }} {{ 7 // 2 }} {{ -7 // 2 }} {{ -7 % 3 }} {{ 2 ** 10 }} {{ -2 ** 2 }} {{ 2 ** 3 ** 2 }}", map());
  }

  @Test
  void andOrReturnOperands() {
    assertRenders("x b [] True", "{{ 0 or 'x' }} {{ 'a' and 'b' }} {{ '' or [] }} {{ not '' }}", map());
  }

  @Test
  void inlineIf() {
    assertRenders("yes b[]", "{{ 'yes' if n > 1 else 'no' }} {{ 'a' if false else 'b' if n else 'c' }}[{{ 'x' if false }}]", map("n", 2L));
  }

  @Test
  void lengthStringJoinIntFloat() {
    assertRenders("2 5 5a, b 43 3 0 2.5", "{{ l|length }} {{ s|length }} {{ n|string }}{{ l|join(', ') }} {{ '42'|int + 1 }} {{ '3.9'|int }} {{ 'x'|int }} {{ '2.5'|float }}", map("l", list("a", "b"), "s", "héllo", "n", 5L));
  }

  @Test
  void listMapFirstLastDefault() {
    assertRenders("['a', 'b'] [1, 2] 3 4 dflt e", "{{ 'ab'|list }} {{ items|map(attribute='n')|list }} {{ l|first }} {{ l|last }} {{ missing|default('dflt') }} {{ ''|default('e', true) }}", map("items", list(map("n", 1L), map("n", 2L)), "l", list(3L, 4L)));
  }

  @Test
  void trimLowerUpperReplace() {
    assertRenders("[Abc b] \u00a0abc b  \u00a0ABC B  \u00a0ABc B ", "[{{ s|trim }}] {{ s|lower }} {{ s|upper }} {{ s|replace('b', 'B') }}", map("s", "\u00a0Abc b "));
  }

  @Test
  void sortUniqueSelectReject() {
    assertRenders("['A', 'a', 'b', 'B'] ['b', 'a', 'B', 'A'] ['b', 'A'] [1, 2] [2]", "{{ l|sort }} {{ l|sort(reverse=true, case_sensitive=true) }} {{ l|unique|list }} {{ [0, 1, 2]|select|list }} {{ [1, 2, 3]|reject('odd')|list }}", map("l", list("b", "A", "a", "B")));
  }

  @Test
  void regexReplaceIsPythonReSub() {
    assertRenders("a<1>  b<22>\u00a0c a1 b22\u00a0c", "{{ s|regex_replace('(\\\\d+)', '<\\\\1>') }} {{ s|regex_replace('\\\\s+', ' ', 1) }}", map("s", "a1  b22\u00a0c"));
  }

  @Test
  void titleFilterSplitsOnPunctuation() {
    assertRenders("It's A-B (C) It'S A-B (C)", "{{ s|title }} {{ s.title() }}", map("s", "it's a-b (c)"));
  }

  @Test
  void definedNoneStringNumber() {
    assertRenders("True False True True True True True True True True", "{{ x is defined }} {{ y is defined }} {{ y is undefined }} {{ n is none }} {{ x is string }} {{ 1 is number }} {{ true is number }} {{ 1 is integer }} {{ 3 is odd }} {{ l is sequence }}", map("x", "s", "n", null, "l", list()));
  }

  @Test
  void setIfElifElse() {
    assertRenders("mid block 6", "{% set a = n * 2 %}{% if a > 10 %}big{% elif a > 2 %}mid{% else %}small{% endif %}{% set b %}block {{ a }}{% endset %} {{ b }}", map("n", 3L));
  }

  @Test
  void forLoopVariables() {
    assertRenders("10TrueFalse22a;21FalseTrue21b;", "{% for x in l %}{{ loop.index }}{{ loop.index0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }}{{ loop.revindex }}{{ x }};{% endfor %}", map("l", list("a", "b")));
  }

  @Test
  void forUnpackingElseAndFilter() {
    assertRenders("a=1 b=2 empty 23", "{% for k, v in d.items() %}{{ k }}={{ v }} {% endfor %}{% for x in [] %}x{% else %}empty{% endfor %} {% for x in l if x > 1 %}{{ x }}{% endfor %}", map("d", map("a", 1L, "b", 2L), "l", list(1L, 2L, 3L)));
  }

  @Test
  void loopScopesDoNotLeak() {
    assertRenders("012|0", "{% set c = 0 %}{% for i in range(3) %}{% set c = c + i %}{{ c }}{% endfor %}|{{ c }}", map());
  }

  @Test
  void namespaceCarriesAcrossIterations() {
    assertRenders("6", "{% set ns = namespace(total=0) %}{% for i in range(4) %}{% set ns.total = ns.total + i %}{% endfor %}{{ ns.total }}", map());
  }

  @Test
  void whitespaceControl() {
    assertRenders("ab c de", "a  {%- if true -%}  \n b  {%- endif %}  \n{{- ' c ' -}}\n d {#- note -#}   e", map());
  }

  @Test
  void keepsTrailingNewlineAndNormalisesCrLf() {
    assertRenders("line1\nline2\n1\n\n", "line1\r\nline2\r{{ x }}\n\n", map("x", 1L));
  }

  @Test
  void unicodeWhitespaceIsStrippedByMinus() {
    assertRenders("xy", "x\u00a0\u3000{%- if true -%}\u2028y{% endif %}", map());
  }

  @Test
  void rawAndComments() {
    assertRenders("{{ x }}{{", "{% raw %}{{ x }}{% endraw %}{# {{ gone }} #}{{ '{{' }}", map());
  }

  @Test
  void stringEscapesArePython() {
    assertRenders("a\tb|Aé\ud83d\ude00|\\d|xy|it's", "{{ 'a\\tb' }}|{{ '\\x41\\u00e9\\U0001F600' }}|{{ '\\d' }}|{{ 'x' 'y' }}|{{ \"it's\" }}", map());
  }

  @Test
  void bracesInsideExpressions() {
    assertRenders("{'b': 1} }}", "{{ {'a': {'b': 1}}['a'] }} {{ '}}' }}", map());
  }

  // -------------------------------------------------------------------------- errors as Jinja2

  @Test
  void undefinedVariableIsStrict() {
    JinjaTemplateException e = assertFails("UndefinedError", "{{ answer }}", map());
    assertEquals("UndefinedError: 'answer' is undefined", e.getMessage());
    assertFails("UndefinedError", "{% if answer %}x{% endif %}", map());
    assertFails("UndefinedError", "{% for x in answer %}{% endfor %}", map());
    assertFails("UndefinedError", "{{ answer ~ 'x' }}", map());
  }

  @Test
  void missingAttributeAndItemAreUndefined() {
    assertEquals("'dict object' has no attribute 'x'",
        assertFails("UndefinedError", "{{ d.x }}", map("d", map())).detail());
    assertEquals("list object has no element 5",
        assertFails("UndefinedError", "{{ l[5] }}", map("l", list(1))).detail());
    assertRenders("False True d", "{{ d.x is defined }} {{ l[5] is undefined }} {{ d.x|default('d') }}",
        map("d", map(), "l", list()));
  }

  @Test
  void noneIsNotUndefined() {
    assertRenders("None True", "{{ x }} {{ x is none }}", map("x", null));
  }

  @Test
  void pythonTypeErrors() {
    assertEquals("can only concatenate str (not \"int\") to str",
        assertFails("TypeError", "{{ 'a' + n }}", map("n", 1)).detail());
    assertFails("TypeError", "{{ 1 < 'a' }}", map());
    assertFails("ValueError", "{{ l.index('z') }}", map("l", list("a")));
    assertFails("ZeroDivisionError", "{{ 1 / 0 }}", map());
  }

  @Test
  void compileErrorsEvenInBranchesThatNeverRun() {
    assertFails("TemplateSyntaxError", "{% if false %}{{ 1 + }}{% endif %}", map());
    assertFails("TemplateSyntaxError", "{% for x in l %}", map());
    assertFails("TemplateSyntaxError", "{% endif %}", map());
    assertFails("TemplateSyntaxError", "{% nosuchtag %}", map());
    assertFails("TemplateAssertionError", "{% for x in [] %}{{ x|nosuchfilter }}{% endfor %}", map());
    // inside an if, Jinja2 defers unknown filters to render time
    assertRenders("", "{% if false %}{{ x|nosuchfilter }}{% endif %}", map());
    assertFails("TemplateRuntimeError", "{% if true %}{{ 1|nosuchfilter }}{% endif %}", map());
  }

  // --------------------------------------------------------------------------------- the API

  @Test
  void evaluateExpressionReturnsPythonValuesAsLiteralEvalWould() {
    Object v = RENDERER.evaluateExpression("[sol1, sol2, 3, 2 ** 70, 0.5, none, (1,), {'k': true}]",
        map("sol1", "a", "sol2", "b's"));
    assertEquals(List.of("a", "b's", 3, new BigInteger("1180591620717411303424"), 0.5), ((List<?>) v).subList(0, 5));
    assertEquals(Arrays.asList(null, PythonTuple.of(1), Map.of("k", true)), ((List<?>) v).subList(5, 8));
    assertInstanceOf(Integer.class, ((List<?>) v).get(2));
    assertThrows(JinjaTemplateException.class, () -> RENDERER.evaluateExpression("range(3)", map()));
  }

  @Test
  void renderLiteralIsLiteralEvalOfTheRenderedText() {
    Map<String, Object> doc = map("a", "x", "b", "it's", "s", "['p', 'q']");
    assertEquals(List.of("x", "it's"), RENDERER.renderLiteral("{{[a, b]}}", doc));
    assertEquals(List.of("x", "it's"), RENDERER.renderLiteral("{{ [a, b] }}\n", doc));
    assertEquals(List.of("p", "q"), RENDERER.renderLiteral("{{ s }}", doc));
    assertEquals(List.of("x!", "y"), RENDERER.renderLiteral("['{{ a }}!', 'y']", doc));
    assertEquals(42, RENDERER.renderLiteral("{{ 40 + 2 }}", doc));
    JinjaTemplateException e = assertThrows(JinjaTemplateException.class,
        () -> RENDERER.renderLiteral("{{ a }}", doc));
    assertEquals("ValueError", e.errorType());
  }

  @Test
  void soleExpression() {
    assertEquals(Optional.of("[a, b]"), JinjaRenderer.soleExpression("{{[a, b]}}"));
    assertEquals(Optional.of(" x "), JinjaRenderer.soleExpression("{{ x }}\n"));
    assertEquals(Optional.empty(), JinjaRenderer.soleExpression(" {{ x }}"));
    assertEquals(Optional.empty(), JinjaRenderer.soleExpression("{{ x }} {{ y }}"));
    assertEquals(Optional.empty(), JinjaRenderer.soleExpression("{{- x }}"));
    assertEquals(Optional.empty(), JinjaRenderer.soleExpression("{% if x %}{{ x }}{% endif %}"));
  }

  @Test
  void docValuesAreNotModifiedByRendering() {
    Map<String, Object> doc = map("l", list("b", "a"));
    assertRenders("['a', 'b']", "{{ l|sort }}", doc);
    assertEquals(list("b", "a"), doc.get("l"));
  }

  @Test
  void rendersConcurrently() throws Exception {
    String template = "{% for c in choices %}{{ 'ABCD'[loop.index0] }}. {{ c.strip() }}\n{% endfor %}"
        + "{{ question|trim }} {{ n * 2 }}";
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int id = t;
        results.add(pool.submit(() -> {
          for (int i = 0; i < 300; i++) {
            Map<String, Object> doc = map("choices", list(" a" + id, "b" + i + " "), "question",
                " q" + i + " ", "n", i);
            String expected = "A. a" + id + "\nB. b" + i + "\nq" + i + " " + (i * 2);
            if (!expected.equals(RENDERER.render(template, doc))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> r : results) {
        assertTrue(r.get());
      }
    } finally {
      pool.shutdown();
    }
  }
}
