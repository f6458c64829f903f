package org.lmeval.platform.template;

import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lmeval.platform.python.PythonLiteral;
import org.lmeval.platform.python.PythonTuple;

/**
 * Renders lm-eval's Jinja2 prompt templates exactly as Python's Jinja2 does in lm-eval 0.4.13:
 * {@code Environment(loader=BaseLoader, undefined=StrictUndefined, keep_trailing_newline=True)} plus
 * the {@code regex_replace} filter ({@code re.sub}). Built on Jinjava with a Python layer: Python
 * {@code str()} of values, Python {@code str}/{@code list}/{@code dict} methods, slicing and negative
 * indices, Python operators, Jinja2's filters, tests, statements, scoping and undefined handling.
 *
 * <p>{@link Options#TRANSFORMERS_CHAT} switches to the environment transformers renders chat templates in.
 *
 * <p>Thread-safe; one instance can serve a whole run. Context values are Python values as Java:
 * {@code None} = null, bool = {@link Boolean}, int = {@link Integer}/{@link Long}/{@link BigInteger},
 * float = {@link Double}, str = {@link String}, list = {@link List}, tuple = {@link PythonTuple},
 * dict = {@link Map} (as Jackson reads JSON).
 */
public final class JinjaRenderer {
  private static final Pattern SOLE_EXPRESSION = Pattern.compile("\\{\\{(-?)(.*?)(-?)\\}\\}", Pattern.DOTALL);
  private static final int CACHE_LIMIT = 20_000;

  /**
   * The Jinja2 {@code Environment} settings that differ between lm-eval's prompt templates and transformers'
   * chat templates.
   *
   * @param trimBlocks {@code trim_blocks}: the first newline after a block or comment tag is removed
   * @param lstripBlocks {@code lstrip_blocks}: blanks before a block or comment tag at a line start are removed
   * @param keepTrailingNewline {@code keep_trailing_newline}: false drops one newline ending the template
   * @param strictUndefined {@code StrictUndefined} (true) or the plain, printable-as-"" {@code Undefined}
   * @param transformersExtensions transformers' additions: the {@code raise_exception(message)} global (raises
   *     {@code TemplateError}), {@code strftime_now(format)}, its {@code tojson} filter
   *     ({@code json.dumps(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False)}, not HTML-safe)
   *     and the {@code {% generation %}} block
   */
  public record Options(boolean trimBlocks, boolean lstripBlocks, boolean keepTrailingNewline,
      boolean strictUndefined, boolean transformersExtensions) {
    /** lm-eval's {@code Environment(undefined=StrictUndefined, keep_trailing_newline=True)}. */
    public static final Options LM_EVAL = new Options(false, false, true, true, false);
    /**
     * transformers' chat-template environment ({@code _compile_jinja_template}): trim_blocks, lstrip_blocks,
     * no trailing newline kept, plain Undefined, transformers' globals, filter and tag, and
     * {@code {% break %}} / {@code {% continue %}} (jinja2.ext.loopcontrols). Not reproduced: the immutable
     * sandbox's refusals (a template that mutates a list renders here instead of failing) and transformers'
     * underscore checks on {@code namespace} attributes.
     */
    public static final Options TRANSFORMERS_CHAT = new Options(true, true, false, false, true);
  }

  private static final Globals.Function RAISE_EXCEPTION = new Globals.Function("raise_exception", (args, kwargs) -> {
    throw new PyException("TemplateError", args.isEmpty() ? "" : Py.str(args.get(0)));
  });
  private static final Globals.Function STRFTIME_NOW = new Globals.Function("strftime_now", (args, kwargs) -> {
    Args a = new Args("strftime_now", args, kwargs).noKeywords();
    if (args.size() != 1) {
      throw PyException.typeError("strftime_now() takes 1 positional argument but " + args.size() + " were given");
    }
    return Strftime.format(Py.str(a.get(0)), java.time.LocalDateTime.now());
  });

  private final Options options;
  private final PythonJinjava jinjava = new PythonJinjava();
  private final Set<String> filters = Filters.builtins().keySet();
  private final Set<String> tests = Tests.builtins().keySet();
  /** Compiled templates, or the compile error, by template text. */
  private final Map<String, Object> compiled = new ConcurrentHashMap<>();

  /** A renderer for lm-eval's prompt templates ({@link Options#LM_EVAL}). */
  public JinjaRenderer() {
    this(Options.LM_EVAL);
  }

  /** A renderer with the given environment settings (e.g. {@link Options#TRANSFORMERS_CHAT}). */
  public JinjaRenderer(Options options) {
    this.options = options;
  }

  /**
   * Renders {@code template} with {@code context} as its variables ({@code apply_template(template, doc)}).
   *
   * @throws JinjaTemplateException ({@code INVALID_TASK}) with the exception and message Jinja2
   *     raises; callers add the task file, key and doc index
   */
  public String render(String template, Map<String, Object> context) {
    CompiledTemplate t = compile(template);
    return withInterpreter(context, interpreter -> {
      interpreter.template(t);
      String out;
      try {
        out = interpreter.render(t.jinjavaSource());
      } catch (RuntimeException e) {
        failIfFailed(interpreter);
        throw e;
      }
      failIfFailed(interpreter);
      return out;
    });
  }

  /**
   * Checks {@code template} as Jinja2 compiles it (syntax, statement nesting, unknown filters and
   * tests), without rendering it: for validating task files at load time.
   *
   * @throws JinjaTemplateException with the error Jinja2's compiler raises
   */
  public void check(String template) {
    compile(template);
  }

  /**
   * Evaluates one Jinja2 expression (the inside of {@code {{ }}}) and returns its Python value as
   * Java: None, bool, int ({@link Integer}, {@link Long} or {@link BigInteger}, the smallest that
   * holds it, as {@link PythonLiteral} gives), float, str, list ({@link ArrayList}), tuple
   * ({@link PythonTuple}), dict ({@link LinkedHashMap}), set ({@link LinkedHashSet}).
   *
   * @throws JinjaTemplateException as {@link #render}; also when the value is a template-only object
   *     (a {@code range}, a generator, {@code loop}, an undefined value), which has no such Java form
   */
  public Object evaluateExpression(String expression, Map<String, Object> context) {
    return toLiteralValue(evaluateRaw(expression, context));
  }

  /**
   * lm-eval's {@code ast.literal_eval(apply_template(template, doc))} (how {@code doc_to_choice}
   * templates become lists). A template that is a single {@code {{ expression }}} whose value is
   * not a str is evaluated directly (Jinja2 prints a Python value with {@code repr} and
   * {@code literal_eval} reads it back exactly, so the result is the same); otherwise the template is
   * rendered and the text parsed with {@link PythonLiteral}.
   *
   * @throws JinjaTemplateException when rendering fails, or ({@code ValueError}) when the text is not a
   *     Python literal
   */
  public Object renderLiteral(String template, Map<String, Object> context) {
    Optional<String> sole = soleExpression(template);
    String text = null;
    if (sole.isPresent()) {
      Object value = evaluateRaw(sole.get(), context);
      if (value instanceof String s) {
        text = s;
      } else if (isLiteral(value)) {
        return toLiteralValue(value);
      }
    }
    if (text == null) {
      text = render(template, context);
    }
    try {
      return PythonLiteral.parse(text);
    } catch (IllegalArgumentException e) {
      throw new JinjaTemplateException("ValueError", "malformed node or string: " + e.getMessage());
    }
  }

  /**
   * The expression of a template that is exactly one {@code {{ expression }}} (nothing around it but
   * trailing whitespace, which {@code literal_eval} ignores), or empty.
   */
  public static Optional<String> soleExpression(String template) {
    Matcher m = SOLE_EXPRESSION.matcher(template);
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    String rest = template.substring(m.end());
    if (!rest.isBlank() || !m.group(1).isEmpty() || !m.group(3).isEmpty()) {
      return Optional.empty();
    }
    String expr = m.group(2);
    try {
      ExprParser.parseOutput(expr, 1);
    } catch (PyException e) {
      return Optional.empty();
    }
    return expr.contains("}}") || expr.contains("{%") || expr.contains("{#")
        ? Optional.empty() : Optional.of(expr);
  }

  // ---------------------------------------------------------------------------- internals

  private Object evaluateRaw(String expression, Map<String, Object> context) {
    String source = normalizeNewlines(expression);
    Expr expr;
    try {
      expr = compiler().compileExpression(source);
    } catch (PyException e) {
      throw new JinjaTemplateException(e.type(), e.getMessage());
    }
    return withInterpreter(context, interpreter -> {
      try {
        return expr.eval(new RenderFrame(interpreter));
      } catch (PyException e) {
        throw new JinjaTemplateException(e.type(), e.getMessage());
      }
    });
  }

  private interface Body<T> {
    T run(PyInterpreter interpreter);
  }

  private <T> T withInterpreter(Map<String, Object> context, Body<T> body) {
    Map<String, Object> bindings = new HashMap<>();
    Map<String, Object> variables = context;
    if (options.transformersExtensions()) {
      variables = new HashMap<>(context);
      variables.putIfAbsent("raise_exception", RAISE_EXCEPTION);
      variables.putIfAbsent("strftime_now", STRFTIME_NOW);
    }
    bindings.put(RenderFrame.DOC_KEY, variables);
    JinjavaConfig config = jinjava.getGlobalConfig();
    Context ctx = new RenderContext(jinjava.getGlobalContext(), bindings, config.getDisabled());
    PyInterpreter interpreter = new PyInterpreter(jinjava, ctx, config);
    interpreter.lenientUndefined(!options.strictUndefined());
    interpreter.transformersExtensions(options.transformersExtensions());
    JinjavaInterpreter.pushCurrent(interpreter);
    try {
      return body.run(interpreter);
    } catch (PyException e) {
      throw new JinjaTemplateException(e.type(), e.getMessage());
    } finally {
      JinjavaInterpreter.popCurrent();
    }
  }

  private static void failIfFailed(PyInterpreter interpreter) {
    PyException failure = interpreter.failure();
    if (failure != null) {
      throw new JinjaTemplateException(failure.type(), failure.getMessage());
    }
    for (TemplateError error : interpreter.getErrors()) {
      if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
        throw new JinjaTemplateException("TemplateError", error.getMessage());
      }
    }
  }

  private TemplateCompiler compiler() {
    return new TemplateCompiler(filters::contains, tests::contains, options.trimBlocks(), options.lstripBlocks(),
        options.transformersExtensions());
  }

  /** Jinja2's compile step, cached by template text (a compile error is cached too). */
  private CompiledTemplate compile(String template) {
    Object result = compiled.get(template);
    if (result == null) {
      try {
        String source = normalizeNewlines(template);
        if (!options.keepTrailingNewline() && source.endsWith("\n")) {
          source = source.substring(0, source.length() - 1);
        }
        result = compiler().compile(source);
      } catch (PyException e) {
        result = e;
      }
      if (compiled.size() >= CACHE_LIMIT) {
        compiled.clear();
      }
      compiled.put(template, result);
    }
    if (result instanceof PyException e) {
      throw new JinjaTemplateException(e.type(), e.getMessage());
    }
    return (CompiledTemplate) result;
  }

  /** Jinja2 reads {@code \r\n} and {@code \r} in a template as {@code \n}. */
  static String normalizeNewlines(String s) {
    return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static boolean isLiteral(Object v) {
    if (v == null || v instanceof Boolean || v instanceof String || Py.isInt(v)) {
      return true;
    }
    if (Py.isFloat(v)) {
      double d = Py.toDouble(v);
      return !Double.isNaN(d) && !Double.isInfinite(d);
    }
    if (v instanceof List<?> l) {
      return l.stream().allMatch(JinjaRenderer::isLiteral);
    }
    if (v instanceof Set<?> s) {
      return s.stream().allMatch(JinjaRenderer::isLiteral);
    }
    if (v instanceof Map<?, ?> m) {
      return m.entrySet().stream().allMatch(e -> isLiteral(e.getKey()) && isLiteral(e.getValue()));
    }
    return false;
  }

  /** The value as {@link PythonLiteral} would read back its {@code repr}. */
  private static Object toLiteralValue(Object v) {
    if (!isLiteral(v)) {
      throw new JinjaTemplateException("ValueError", "the expression's value "
          + safeRepr(v) + " is not a Python literal");
    }
    if (Py.isInt(v) && !(v instanceof Boolean)) {
      BigInteger b = Py.bigInt(v);
      if (b.bitLength() < 32) {
        return b.intValue();
      }
      return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }
    if (Py.isFloat(v)) {
      return Py.toDouble(v);
    }
    if (v instanceof PythonTuple t) {
      List<Object> items = new ArrayList<>(t.size());
      t.forEach(x -> items.add(toLiteralValue(x)));
      return PythonTuple.copyOf(items);
    }
    if (v instanceof List<?> l) {
      List<Object> items = new ArrayList<>(l.size());
      l.forEach(x -> items.add(toLiteralValue(x)));
      return items;
    }
    if (v instanceof Set<?> s) {
      Set<Object> items = new LinkedHashSet<>();
      s.forEach(x -> items.add(toLiteralValue(x)));
      return items;
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(toLiteralValue(k), toLiteralValue(x)));
      return out;
    }
    return v;
  }

  private static String safeRepr(Object v) {
    try {
      return Py.repr(v);
    } catch (PyException e) {
      return Py.typeName(v);
    }
  }
}
