package org.lmeval.platform.template;

import org.lmeval.api.support.PythonRegex;
import org.lmeval.api.support.PythonStrings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.lmeval.platform.python.PythonJson;
import org.lmeval.platform.python.PythonTuple;

/**
 * Jinja2 3.1's builtin filters ({@code jinja2.filters.FILTERS}) and lm-eval's {@code regex_replace},
 * with the semantics of the Python functions (autoescape off). Filters Jinja2 has but that lm-eval
 * templates cannot use meaningfully (random, HTML helpers) fail with a clear message.
 */
final class Filters {
  /** A filter's implementation: {@code value|name(args)}. */
  interface Body {
    Object apply(Object value, Args args, Frame frame);
  }

  private Filters() {}

  static Map<String, Body> builtins() {
    Map<String, Body> m = new LinkedHashMap<>();
    m.put("abs", (v, a, f) -> abs(v, a.noKeywords().count(0, 0)));
    m.put("attr", (v, a, f) -> {
      String name = Args.str(a.count(1, 1).get(0), "attr() name");
      Object attr = Methods.attribute(v, name);
      return attr == Py.ABSENT ? Undefined.member(v, name) : attr;
    });
    m.put("batch", Filters::batch);
    m.put("capitalize", (v, a, f) -> PythonStrings.capitalize(Py.str(v)));
    m.put("center", (v, a, f) -> StrMethods.call(Py.str(v), "center",
        new Args("center", List.of(a.keywords("width").count(0, 1).get(0, "width", 80L)), Map.of())));
    m.put("count", (v, a, f) -> (long) Py.len(v));
    m.put("length", (v, a, f) -> (long) Py.len(v));
    Body dflt = (v, a, f) -> {
      a.keywords("default_value", "boolean").count(0, 2);
      Object d = a.get(0, "default_value", "");
      boolean bool = Py.truthy(a.get(1, "boolean", false));
      return v instanceof Undefined || (bool && !Py.truthy(v)) ? d : v;
    };
    m.put("default", dflt);
    m.put("d", dflt);
    m.put("dictsort", Filters::dictsort);
    Body escape = (v, a, f) -> escape(v);
    m.put("escape", escape);
    m.put("e", escape);
    m.put("forceescape", escape);
    m.put("first", (v, a, f) -> {
      List<Object> items = Py.iterate(v);
      return items.isEmpty() ? Undefined.withHint("No first item, sequence was empty.") : items.get(0);
    });
    m.put("last", (v, a, f) -> {
      if (v instanceof PyIterator it) {
        throw PyException.typeError("'" + it.typeName() + "' object is not reversible");
      }
      List<Object> items = Py.iterate(v);
      return items.isEmpty() ? Undefined.withHint("No last item, sequence was empty.")
          : items.get(items.size() - 1);
    });
    m.put("float", (v, a, f) -> {
      a.keywords("default").count(0, 1);
      Double d = PyConvert.toFloat(v);
      return d == null ? a.get(0, "default", 0.0) : d;
    });
    m.put("int", (v, a, f) -> {
      a.keywords("default", "base").count(0, 2);
      Object r = PyConvert.toInt(v, Args.index(a.get(1, "base", 10L)));
      return r == null ? a.get(0, "default", 0L) : r;
    });
    m.put("format", (v, a, f) -> {
      if (a.size() > 0 && !a.keywords().isEmpty()) {
        throw new PyException("FilterArgumentError",
            "can't handle positional and keyword arguments at the same time");
      }
      Object args = !a.keywords().isEmpty() ? new LinkedHashMap<Object, Object>(a.keywords())
          : PythonTuple.copyOf(a.positional());
      return PyFormat.percent(Py.str(v), args);
    });
    m.put("indent", Filters::indent);
    m.put("items", (v, a, f) -> {
      if (v instanceof Undefined) {
        return new PyIterator("generator", new ArrayList<>());
      }
      if (!(v instanceof Map<?, ?> map)) {
        throw PyException.typeError("Can only get item pairs from a mapping.");
      }
      return new PyIterator("generator", new DictView(map, DictView.Kind.ITEMS).items());
    });
    m.put("join", (v, a, f) -> {
      a.keywords("d", "attribute").count(0, 2);
      String sep = Py.str(a.get(0, "d", ""));
      Object attribute = a.get(1, "attribute", null);
      List<Object> items = Py.iterate(v);
      UnaryOperator<Object> getter = attrGetter(attribute, null, null);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          sb.append(sep);
        }
        sb.append(Py.str(getter.apply(items.get(i))));
      }
      return sb.toString();
    });
    m.put("list", (v, a, f) -> Py.iterate(v));
    m.put("lower", (v, a, f) -> PythonStrings.lower(Py.str(v)));
    m.put("upper", (v, a, f) -> PythonStrings.upper(Py.str(v)));
    m.put("map", Filters::map);
    m.put("max", (v, a, f) -> minOrMax(v, a, false));
    m.put("min", (v, a, f) -> minOrMax(v, a, true));
    m.put("reject", (v, a, f) -> selectOrReject(v, a, f, false, false));
    m.put("rejectattr", (v, a, f) -> selectOrReject(v, a, f, false, true));
    m.put("select", (v, a, f) -> selectOrReject(v, a, f, true, false));
    m.put("selectattr", (v, a, f) -> selectOrReject(v, a, f, true, true));
    m.put("replace", (v, a, f) -> {
      a.keywords("old", "new", "count").count(2, 3);
      Object count = a.get(2, "count", null);
      return StrMethods.replace(Py.str(v), Py.str(a.get(0, "old", null)),
          Py.str(a.get(1, "new", null)), count == null ? -1 : Args.index(count));
    });
    m.put("reverse", (v, a, f) -> {
      if (v instanceof String s) {
        return Attrs.slice(s, null, null, -1L);
      }
      List<Object> items = Py.iterate(v);
      Collections.reverse(items);
      String type = v instanceof List ? (Py.isTuple(v) ? "reversed" : "list_reverseiterator")
          : (v instanceof Map ? "dict_reversekeyiterator" : "list");
      return type.equals("list") ? items : new PyIterator(type, items);
    });
    m.put("round", Filters::round);
    m.put("safe", (v, a, f) -> Py.str(v));
    m.put("slice", Filters::slice);
    m.put("sort", (v, a, f) -> {
      a.keywords("reverse", "case_sensitive", "attribute").count(0, 3);
      return sorted(Py.iterate(v), Py.truthy(a.get(0, "reverse", false)),
          Py.truthy(a.get(1, "case_sensitive", false)), a.get(2, "attribute", null));
    });
    m.put("string", (v, a, f) -> Py.str(v));
    m.put("sum", (v, a, f) -> {
      a.keywords("attribute", "start").count(0, 2);
      UnaryOperator<Object> getter = attrGetter(a.get(0, "attribute", null), null, null);
      Object total = a.get(1, "start", 0L);
      for (Object item : Py.iterate(v)) {
        total = PyOps.add(total, getter.apply(item));
      }
      return total;
    });
    m.put("title", (v, a, f) -> titleFilter(Py.str(v)));
    m.put("tojson", (v, a, f) -> PyInterpreter.current().transformersExtensions() ? transformersToJson(v, a)
        : toJson(v, a.keywords("indent").count(0, 1).get(0, "indent", null)));
    m.put("trim", (v, a, f) -> {
      Object chars = a.keywords("chars").count(0, 1).get(0, "chars", null);
      if (chars != null && !(chars instanceof String)) {
        throw PyException.typeError("strip arg must be None or str");
      }
      return StrMethods.strip(Py.str(v), (String) chars, true, true);
    });
    m.put("truncate", Filters::truncate);
    m.put("unique", Filters::unique);
    m.put("wordcount", (v, a, f) -> wordcount(Py.str(v)));
    m.put("regex_replace", (v, a, f) -> {
      a.keywords("pattern", "repl", "count").count(2, 3);
      if (!(v instanceof String s)) {
        if (v instanceof Undefined u) {
          throw u.error();
        }
        throw PyException.typeError("expected string or bytes-like object, got '" + Py.typeName(v) + "'");
      }
      long count = Args.index(a.get(2, "count", 0L));
      try {
        return PythonRegex.sub(Args.str(a.get(0, "pattern", null), "pattern"),
            Args.str(a.get(1, "repl", null), "repl"), s,
            (int) Math.max(0, Math.min(Integer.MAX_VALUE, count)), 0);
      } catch (IllegalArgumentException e) {
        throw new PyException("error", e.getMessage());
      }
    });
    m.put("random", (v, a, f) -> {
      List<Object> items = v instanceof String || v instanceof List || v instanceof PyRange
          ? Py.iterate(v) : null;
      if (items == null) {
        throw PyException.typeError("object of type '" + Py.typeName(v) + "' has no len()");
      }
      if (items.isEmpty()) {
        return Undefined.withHint("No random item, sequence was empty.");
      }
      if (items.size() == 1) {
        return items.get(0);
      }
      throw PyException.runtime("the Jinja2 filter 'random' is not reproducible (Python's global"
          + " random state) and not supported by lm-eval-java's template engine");
    });
    for (String unsupported : List.of("filesizeformat", "pprint", "striptags",
        "urlencode", "urlize", "wordwrap", "xmlattr", "groupby")) {
      m.put(unsupported, (v, a, f) -> {
        throw PyException.runtime("the Jinja2 filter '" + unsupported
            + "' is not supported by lm-eval-java's template engine");
      });
    }
    return m;
  }

  // ---------------------------------------------------------------------------- helpers

  private static Object abs(Object v, Args a) {
    if (Py.isInt(v)) {
      return Py.intResult(Py.bigInt(v).abs());
    }
    if (Py.isFloat(v)) {
      return Math.abs(Py.toDouble(v));
    }
    if (v instanceof Undefined u) {
      throw u.error();
    }
    throw PyException.typeError("bad operand type for abs(): '" + Py.typeName(v) + "'");
  }

  /** Jinja2's {@code make_attrgetter}: dotted path, digits as int indices; optional default. */
  static UnaryOperator<Object> attrGetter(Object attribute, UnaryOperator<Object> postprocess,
      Object dflt) {
    List<Object> parts = attributeParts(attribute);
    return item -> {
      Object value = item;
      for (Object part : parts) {
        value = Attrs.getitem(value, part);
        if (dflt != null && value instanceof Undefined) {
          value = dflt;
        }
      }
      return postprocess != null ? postprocess.apply(value) : value;
    };
  }

  private static List<Object> attributeParts(Object attribute) {
    List<Object> parts = new ArrayList<>();
    if (attribute == null) {
      return parts;
    }
    if (attribute instanceof String s) {
      for (String part : s.split("\\.", -1)) {
        boolean digits = !part.isEmpty() && part.codePoints().allMatch(PythonStrings::isdigit);
        parts.add(digits ? PyConvert.toInt(part, 10) : part);
      }
    } else {
      parts.add(attribute);
    }
    return parts;
  }

  private static Object ignoreCase(Object value) {
    return value instanceof String s ? PythonStrings.lower(s) : value;
  }

  /** {@code sorted(items, key=..., reverse=...)} with Jinja2's sort-filter key. */
  static List<Object> sorted(List<Object> items, boolean reverse, boolean caseSensitive,
      Object attribute) {
    List<UnaryOperator<Object>> getters = new ArrayList<>();
    if (attribute instanceof String s) {
      for (String part : s.split(",", -1)) {
        getters.add(attrGetter(part, caseSensitive ? null : Filters::ignoreCase, null));
      }
    } else {
      getters.add(attrGetter(attribute, caseSensitive ? null : Filters::ignoreCase, null));
    }
    List<Object[]> keyed = new ArrayList<>(items.size());
    for (Object item : items) {
      List<Object> key = new ArrayList<>(getters.size());
      for (UnaryOperator<Object> g : getters) {
        key.add(g.apply(item));
      }
      keyed.add(new Object[] {key, item});
    }
    Comparator<Object[]> cmp = (x, y) -> pyOrder(x[0], y[0]);
    // stable both ways: Python keeps equal items in their original order when reversing too
    keyed.sort(reverse ? cmp.reversed() : cmp);
    List<Object> out = new ArrayList<>(items.size());
    for (Object[] k : keyed) {
      out.add(k[1]);
    }
    return out;
  }

  /** An ordering from Python's {@code <} only, as {@code sorted} uses it. */
  private static int pyOrder(Object a, Object b) {
    if (Py.compare(a, b, "<")) {
      return -1;
    }
    return Py.compare(b, a, "<") ? 1 : 0;
  }

  private static Object batch(Object v, Args a, Frame f) {
    a.keywords("linecount", "fill_with").count(1, 2);
    long size = Args.index(a.get(0, "linecount", null));
    Object fill = a.get(1, "fill_with", null);
    List<Object> out = new ArrayList<>();
    List<Object> tmp = new ArrayList<>();
    for (Object item : Py.iterate(v)) {
      if (tmp.size() == size) {
        out.add(tmp);
        tmp = new ArrayList<>();
      }
      tmp.add(item);
    }
    if (!tmp.isEmpty()) {
      if (fill != null) {
        while (tmp.size() < size) {
          tmp.add(fill);
        }
      }
      out.add(tmp);
    }
    return new PyIterator("generator", out);
  }

  private static Object slice(Object v, Args a, Frame f) {
    a.keywords("slices", "fill_with").count(1, 2);
    long slices = Args.index(a.get(0, "slices", null));
    Object fill = a.get(1, "fill_with", null);
    List<Object> seq = Py.iterate(v);
    int length = seq.size();
    if (slices == 0) {
      throw PyException.zeroDivision("integer division or modulo by zero");
    }
    long perSlice = Math.floorDiv(length, slices);
    long withExtra = Math.floorMod(length, slices);
    long offset = 0;
    List<Object> out = new ArrayList<>();
    for (long i = 0; i < slices; i++) {
      long start = offset + i * perSlice;
      if (i < withExtra) {
        offset++;
      }
      long end = offset + (i + 1) * perSlice;
      List<Object> tmp = new ArrayList<>();
      for (long k = Math.max(0, start); k < Math.min(end, length); k++) {
        tmp.add(seq.get((int) k));
      }
      if (fill != null && i >= withExtra) {
        tmp.add(fill);
      }
      out.add(tmp);
    }
    return new PyIterator("generator", out);
  }

  private static Object dictsort(Object v, Args a, Frame f) {
    a.keywords("case_sensitive", "by", "reverse").count(0, 3);
    boolean caseSensitive = Py.truthy(a.get(0, "case_sensitive", false));
    Object by = a.get(1, "by", "key");
    boolean reverse = Py.truthy(a.get(2, "reverse", false));
    int pos;
    if ("key".equals(by)) {
      pos = 0;
    } else if ("value".equals(by)) {
      pos = 1;
    } else {
      throw new PyException("FilterArgumentError", "You can only sort by either \"key\" or \"value\"");
    }
    if (!(v instanceof Map<?, ?> map)) {
      throw PyException.attributeError("'" + Py.typeName(v) + "' object has no attribute 'items'");
    }
    List<Object> items = new DictView(map, DictView.Kind.ITEMS).items();
    return sorted(items, reverse, caseSensitive, (long) pos);
  }

  private static String escape(Object v) {
    String s = Py.str(v);
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&#34;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static Object indent(Object v, Args a, Frame f) {
    a.keywords("width", "first", "blank").count(0, 3);
    Object width = a.get(0, "width", 4L);
    boolean first = Py.truthy(a.get(1, "first", false));
    boolean blank = Py.truthy(a.get(2, "blank", false));
    String indention = width instanceof String w ? w : " ".repeat((int) Math.max(0, Args.index(width)));
    if (!(v instanceof String)) {
      if (v instanceof Undefined u) {
        throw u.error();
      }
      throw PyException.typeError("unsupported operand type(s) for +=: '" + Py.typeName(v) + "' and 'str'");
    }
    String s = v + "\n";
    List<Object> lines = StrMethods.splitlines(s, false);
    StringBuilder rv = new StringBuilder();
    if (blank) {
      for (int i = 0; i < lines.size(); i++) {
        if (i > 0) {
          rv.append('\n').append(indention);
        }
        rv.append(lines.get(i));
      }
    } else {
      rv.append(lines.get(0));
      for (int i = 1; i < lines.size(); i++) {
        String line = (String) lines.get(i);
        rv.append('\n').append(line.isEmpty() ? line : indention + line);
      }
    }
    return first ? indention + rv : rv.toString();
  }

  private static Object map(Object v, Args a, Frame f) {
    UnaryOperator<Object> func;
    if (a.size() == 0 && a.keywords().containsKey("attribute")) {
      Map<String, Object> kw = new LinkedHashMap<>(a.keywords());
      Object attribute = kw.remove("attribute");
      Object dflt = kw.remove("default");
      if (!kw.isEmpty()) {
        throw new PyException("FilterArgumentError", "Unexpected keyword argument "
            + Py.repr(kw.keySet().iterator().next()));
      }
      func = attrGetter(attribute, null, dflt);
    } else {
      if (a.size() == 0) {
        throw new PyException("FilterArgumentError", "map requires a filter argument");
      }
      String name = Args.str(a.get(0), "filter name");
      List<Object> rest = a.positional().subList(1, a.size());
      func = item -> f.filter(name, item, new ArrayList<>(rest), a.keywords());
    }
    List<Object> out = new ArrayList<>();
    for (Object item : Py.iterate(v)) {
      out.add(func.apply(item));
    }
    return new PyIterator("generator", out);
  }

  private static Object minOrMax(Object v, Args a, boolean min) {
    a.keywords("case_sensitive", "attribute").count(0, 2);
    boolean caseSensitive = Py.truthy(a.get(0, "case_sensitive", false));
    UnaryOperator<Object> key = attrGetter(a.get(1, "attribute", null),
        caseSensitive ? null : Filters::ignoreCase, null);
    List<Object> items = Py.iterate(v);
    if (items.isEmpty()) {
      return Undefined.withHint("No aggregated item, sequence was empty.");
    }
    Object best = items.get(0);
    Object bestKey = key.apply(best);
    for (int i = 1; i < items.size(); i++) {
      Object k = key.apply(items.get(i));
      if (min ? Py.compare(k, bestKey, "<") : Py.compare(k, bestKey, ">")) {
        best = items.get(i);
        bestKey = k;
      }
    }
    return best;
  }

  private static Object selectOrReject(Object v, Args a, Frame f, boolean select, boolean attr) {
    List<Object> out = new ArrayList<>();
    if (!Py.truthy(v)) {
      return new PyIterator("generator", out);
    }
    int off = 0;
    UnaryOperator<Object> trans = x -> x;
    if (attr) {
      if (a.size() == 0) {
        throw new PyException("FilterArgumentError", "Missing parameter for attribute name");
      }
      trans = attrGetter(a.get(0), null, null);
      off = 1;
    }
    String test = a.size() > off ? Args.str(a.get(off), "test name") : null;
    List<Object> rest = a.size() > off + 1 ? a.positional().subList(off + 1, a.size()) : List.of();
    for (Object item : Py.iterate(v)) {
      Object x = trans.apply(item);
      boolean ok = test == null ? Py.truthy(x) : f.test(test, x, new ArrayList<>(rest), a.keywords());
      if (ok == select) {
        out.add(item);
      }
    }
    return new PyIterator("generator", out);
  }

  private static Object round(Object v, Args a, Frame f) {
    a.keywords("precision", "method").count(0, 2);
    long precision = Args.index(a.get(0, "precision", 0L));
    Object method = a.get(1, "method", "common");
    if (!"common".equals(method) && !"ceil".equals(method) && !"floor".equals(method)) {
      throw new PyException("FilterArgumentError", "method must be common, ceil or floor");
    }
    if (v instanceof Undefined u) {
      throw u.error();
    }
    if (!Py.isNumber(v)) {
      throw PyException.typeError("type " + Py.typeName(v) + " doesn't define __round__ method");
    }
    if ("common".equals(method)) {
      if (Py.isInt(v)) {
        if (precision >= 0) {
          return Py.intResult(Py.bigInt(v));
        }
        BigDecimal d = new BigDecimal(Py.bigInt(v)).setScale((int) precision, RoundingMode.HALF_EVEN);
        return Py.intResult(d.toBigInteger());
      }
      double d = Py.toDouble(v);
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return d;
      }
      if (precision > 400) {
        return d;
      }
      double r = new BigDecimal(d).setScale((int) Math.max(precision, -400), RoundingMode.HALF_EVEN).doubleValue();
      return r == 0.0 ? Math.copySign(0.0, d) : r;
    }
    Object scale = PyOps.pow(10L, precision);
    Object scaled = PyOps.mul(v, scale);
    double x = Py.toDouble(scaled);
    Object rounded = Py.intResult(new BigDecimal("ceil".equals(method) ? Math.ceil(x) : Math.floor(x))
        .toBigInteger());
    return PyOps.truediv(rounded, scale);
  }

  private static Object truncate(Object v, Args a, Frame f) {
    a.keywords("length", "killwords", "end", "leeway").count(0, 4);
    String s = Py.str(v);
    long length = Args.index(a.get(0, "length", 255L));
    boolean killwords = Py.truthy(a.get(1, "killwords", false));
    String end = Py.str(a.get(2, "end", "..."));
    Object leewayArg = a.get(3, "leeway", null);
    long leeway = leewayArg == null ? 5 : Args.index(leewayArg);
    int endLen = end.codePointCount(0, end.length());
    if (length < endLen) {
      throw new PyException("AssertionError", "expected length >= " + endLen + ", got " + length);
    }
    if (leeway < 0) {
      throw new PyException("AssertionError", "expected leeway >= 0, got " + leeway);
    }
    if (s.codePointCount(0, s.length()) <= length + leeway) {
      return s;
    }
    String head = (String) Attrs.slice(s, null, length - endLen, null);
    if (killwords) {
      return head + end;
    }
    List<?> parts = (List<?>) StrMethods.call(head, "rsplit", new Args("rsplit", List.of(" ", 1L), Map.of()));
    return parts.get(0) + end;
  }

  private static Object unique(Object v, Args a, Frame f) {
    a.keywords("case_sensitive", "attribute").count(0, 2);
    boolean caseSensitive = Py.truthy(a.get(0, "case_sensitive", false));
    UnaryOperator<Object> getter = attrGetter(a.get(1, "attribute", null),
        caseSensitive ? null : Filters::ignoreCase, null);
    Map<Object, Object> seen = new LinkedHashMap<>();
    List<Object> out = new ArrayList<>();
    for (Object item : Py.iterate(v)) {
      Object key = getter.apply(item);
      if (Py.dictGet(seen, key) == Py.ABSENT) {
        Py.dictPut(seen, key, Boolean.TRUE);
        out.add(item);
      }
    }
    return new PyIterator("generator", out);
  }

  /** Jinja2's {@code tojson}: {@code json.dumps(value, sort_keys=True, indent=...)} made HTML-safe. */
  private static String toJson(Object value, Object indent) {
    PythonJson.Options options = PythonJson.Options.DEFAULT.withSortKeys(true)
        .withFallback(PythonJson::notSerializable);
    if (indent != null) {
      options = options.withIndent((int) Math.max(0, Args.index(indent)));
    }
    String json;
    try {
      json = PythonJson.dumps(jsonable(value), options);
    } catch (IllegalArgumentException e) {
      throw PyException.typeError(e.getMessage());
    }
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("'", "\\u0027");
  }

  /**
   * transformers' chat-template {@code tojson(x, ensure_ascii=False, indent=None, separators=None,
   * sort_keys=False)}: plain {@code json.dumps}, not HTML-safe.
   */
  private static String transformersToJson(Object value, Args args) {
    Args a = args.keywords("ensure_ascii", "indent", "separators", "sort_keys").count(0, 4);
    PythonJson.Options options = PythonJson.Options.DEFAULT.withEnsureAscii(Py.truthy(a.get(0, "ensure_ascii",
        false))).withSortKeys(Py.truthy(a.get(3, "sort_keys", false))).withFallback(PythonJson::notSerializable);
    Object indent = a.get(1, "indent", null);
    if (indent != null) {
      options = options.withIndent((int) Math.max(0, Args.index(indent)));
    }
    Object separators = a.get(2, "separators", null);
    if (separators != null) {
      List<Object> seps = Py.iterate(separators);
      if (seps.size() != 2) {
        throw PyException.valueError("separators must be an (item_separator, key_separator) pair");
      }
      options = options.withSeparators(Py.str(seps.get(0)), Py.str(seps.get(1)));
    }
    try {
      return PythonJson.dumps(jsonable(value), options);
    } catch (IllegalArgumentException e) {
      throw PyException.typeError(e.getMessage());
    }
  }

  /** Fails as {@code json.dumps} does on values JSON cannot hold (template-only objects). */
  private static Object jsonable(Object v) {
    if (v instanceof Undefined || v instanceof PyValue) {
      throw PyException.typeError("Object of type " + Py.typeName(v) + " is not JSON serializable");
    }
    if (v instanceof java.util.Collection<?> c) {
      c.forEach(Filters::jsonable);
    } else if (v instanceof Map<?, ?> m) {
      m.values().forEach(Filters::jsonable);
    }
    return v;
  }

  /** Jinja2's {@code title} filter: splits on {@code [-\s({\[<]+} and title-cases each piece. */
  private static String titleFilter(String s) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = s.length();
    while (i < n) {
      int start = i;
      boolean sep = isTitleSeparator(s.codePointAt(i));
      while (i < n && isTitleSeparator(s.codePointAt(i)) == sep) {
        i += Character.charCount(s.codePointAt(i));
      }
      String item = s.substring(start, i);
      if (sep) {
        out.append(item);
      } else {
        int first = item.codePointAt(0);
        int k = Character.charCount(first);
        out.append(PythonStrings.upper(item.substring(0, k))).append(PythonStrings.lower(item.substring(k)));
      }
    }
    return out.toString();
  }

  private static boolean isTitleSeparator(int cp) {
    return cp == '-' || cp == '(' || cp == '{' || cp == '[' || cp == '<' || PythonStrings.isspace(cp);
  }

  /** {@code len(re.findall(r"\w+", s))} with Python's {@code \w} (alphanumeric or underscore). */
  private static long wordcount(String s) {
    long n = 0;
    boolean inWord = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      boolean word = cp == '_' || PythonStrings.isalnum(cp);
      if (word && !inWord) {
        n++;
      }
      inWord = word;
    }
    return n;
  }
}
