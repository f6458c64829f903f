/**
 * Prompt templates: lm-eval's Jinja2 ({@code Environment(loader=BaseLoader,
 * undefined=StrictUndefined, keep_trailing_newline=True)} plus {@code regex_replace}), rendered
 * byte for byte as Python's Jinja2 3.1 renders them. The entry point is
 * {@link org.lmeval.platform.template.JinjaRenderer}. With
 * {@link org.lmeval.platform.template.JinjaRenderer.Options#TRANSFORMERS_CHAT} it renders models' chat templates
 * as transformers does (trim_blocks, lstrip_blocks, no kept trailing newline, plain Undefined,
 * {@code raise_exception}, {@code strftime_now}, its {@code tojson}, {@code generation}, break/continue).
 *
 * <p>How it is built (on Jinjava, with a Python layer):
 * <ul>
 *   <li><b>Compile</b> — {@code TemplateLexer} is Jinja2's lexer (delimiters, whitespace control
 *       with Python's {@code rstrip}, raw blocks, comments, bracket-balanced block ends, newline
 *       normalisation); {@code ExprParser} is Jinja2's expression grammar and precedence;
 *       {@code TemplateCompiler} parses statements, checks nesting and filter/test names as Jinja2's
 *       compiler does, and writes a canonical template whose {@code {{ __jx7 }}} and
 *       {@code {% tag __jx7 %}} refer to the parsed parts ({@code CompiledTemplate}).</li>
 *   <li><b>Render</b> — Jinjava ({@code PythonJinjava}) builds the node tree of the canonical
 *       template and renders it, with its scopes and libraries. Its expression-language hook
 *       ({@code PyExpressionFactory}) evaluates the parsed Jinja2 expressions ({@code Expr}); its
 *       interpreter ({@code PyInterpreter}) prints values with Python's {@code str()} and keeps the
 *       first Python exception; the statements are Jinja2's ({@code JinjaTags}: if, for with
 *       {@code loop}, set, with, filter, print, block, macro); filters and tests are Jinja2's
 *       ({@code Filters}, {@code Tests}), registered in Jinjava's libraries.</li>
 *   <li><b>Python semantics</b> — {@code Py} (truth value, {@code len}, iteration, {@code ==},
 *       ordering, {@code str}/{@code repr}), {@code PyOps} (operators), {@code Attrs} (Jinja2's
 *       getattr/getitem, slicing), {@code StrMethods} and {@code Methods} (str, list, dict methods),
 *       {@code PyFormat} ({@code %} and {@code str.format}), {@code Undefined} (StrictUndefined);
 *       string, regex, float and JSON primitives come from {@code org.lmeval.api.support} and
 *       {@code org.lmeval.platform.python}.</li>
 * </ul>
 *
 * <p>{@code tools/jinja/make_corpus.py} renders every template of lm-eval 0.4.13's task YAMLs (and a
 * set of edge cases) with Python's Jinja2; {@code JinjaCorpusTest} renders the same cases here and
 * compares them byte for byte. Known, inherent differences (memory addresses in the repr of methods
 * and generators, random {@code lipsum()}, a Jinja2 constant-folding bug) are listed in
 * {@code jinja-corpus/known-mismatches.txt}.
 */
package org.lmeval.platform.template;
