package org.lmeval.platform.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.lmeval.platform.python.PythonTuple;

/**
 * A parsed Jinja2 expression (the node types of {@code jinja2.nodes}), evaluated with the semantics
 * of the Python code Jinja2's compiler generates for it.
 */
interface Expr {
  Object eval(Frame f);

  /** Visits this node and its children (used to check filter and test names up front). */
  void walk(Consumer<Expr> visitor);

  static List<Object> evalAll(List<Expr> items, Frame f) {
    List<Object> out = new ArrayList<>(items.size());
    for (Expr e : items) {
      out.add(e.eval(f));
    }
    return out;
  }

  static void walkAll(List<? extends Expr> items, Consumer<Expr> visitor) {
    for (Expr e : items) {
      if (e != null) {
        e.walk(visitor);
      }
    }
  }

  // --------------------------------------------------------------------------------- atoms

  record Const(Object value) implements Expr {
    @Override
    public Object eval(Frame f) {
      return value;
    }

    @Override
    public void walk(Consumer<Expr> visitor) {
      visitor.accept(this);
    }
  }

  record Name(String name) implements Expr {
    @Override
    public Object eval(Frame f) {
      return f.lookup(name);
    }

    @Override
    public void walk(Consumer<Expr> visitor) {
      visitor.accept(this);
    }
  }

  /** {@code ns.attr} as an assignment target ({@code {% set ns.attr = ... %}}). */
  record NsRef(String name, String attr) implements Expr {
    @Override
    public Object eval(Frame f) {
      throw new IllegalStateException("NSRef is an assignment target");
    }

    @Override
    public void walk(Consumer<Expr> visitor) {
      visitor.accept(this);
    }
  }

  record ListLit(List<Expr> items) implements Expr {
    @Override
    public Object eval(Frame f) {
      return evalAll(items, f);
    }

    @Override
    public void walk(Consumer<Expr> visitor) {
      visitor.accept(this);
      walkAll(items, visitor);
    }
  }

  record TupleLit(List<Expr> items) implements Expr {
    @Override
    public Object eval(Frame f) {
      return PythonTuple.copyOf(evalAll(items, f));
    }

    @Override
    public void walk(Consumer<Expr> visitor) {
      visitor.accept(this);
      walkAll(items, visitor);
    }
  }

  record DictLit(List<Expr> keys, List<Expr> values) implements Expr {
    @Override
    public Object eval(Frame f) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        Object k = keys.get(i).eval(f);
        Object v = values.get(i).eval(f);
        Py.dictPut(out, k, v);
      }
      return out;
    }

    @Override
    public void walk(Consumer<Expr> visitor) {
      visitor.accept(this);
      walkAll(keys, visitor);
      walkAll(values, visitor);
    }
  }

  // ----------------------------------------------------------------------------- postfix

  record Getattr(Expr node, String attr) implements Expr {
    @Override
    public Object eval(Frame f) {
      return Attrs.getattr(node.eval(f), attr);
    }

    @Override
    public void walk(Consumer<Expr> visitor) {
      visitor.accept(this);
      node.walk(visitor);
    }
  }

  record Getitem(Expr node, Expr arg) implements Expr {
    @Override
    public Object eval(Frame f) {
      Object obj = node.eval(f);
      if (arg instanceof Slice s) {
        return Attrs.slice(obj, eval(s.start, f), eval(s.stop, f), eval(s.step, f));
      }
      return Attrs.getitem(obj, arg.eval(f));
    }

    private static Object eval(Expr e, Frame f) {
      return e == null ? null : e.eval(f);
    }

    @Override
    public void walk(Consumer<Expr> visitor) {
      visitor.accept(this);
      node.walk(visitor);
      arg.walk(visitor);
    }
  }

  /** {@code start:stop:step} inside a subscript. */
  record Slice(Expr start, Expr stop, Expr step) implements Expr {
    @Override
    public Object eval(Frame f) {
      throw PyException.typeError("slice objects are not supported outside a subscript");
    }

    @Override
    public void walk(Consumer<Expr> visitor) {
      visitor.accept(this);
      walkAll(java.util.Arrays.asList(start, stop, step), visitor);
    }
  }

  /** Positional and keyword arguments plus {@code *args} / {@code **kwargs} of a call, filter or test. */
  record Arguments(List<Expr> args, List<String> names, List<Expr> kwargs, Expr dynArgs, Expr dynKwargs) {
    static final Arguments NONE = new Arguments(List.of(), List.of(), List.of(), null, null);

    List<Object> positional(Frame f) {
      List<Object> out = evalAll(args, f);
      if (dynArgs != null) {
        out.addAll(Py.iterate(dynArgs.eval(f)));
      }
      return out;
    }

    Map<String, Object> keywords(Frame f) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        out.put(names.get(i), kwargs.get(i).eval(f));
      }
      if (dynKwargs != null) {
        Object d = dynKwargs.eval(f);
        if (!(d instanceof Map<?, ?> m)) {
          throw PyException.typeError("argument after ** must be a mapping, not " + Py.typeName(d));
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
          if (!(e.getKey() instanceof String k)) {
            throw PyException.typeError("keywords must be strings");
          }
          if (out.containsKey(k)) {
            throw PyException.typeError("got multiple values for keyword argument '" + k + "'");
          }
          out.put(k, e.getValue());
        }
      }
      return out;
    }

    void walk(Consumer<Expr> visitor) {
      walkAll(args, visitor);
      walkAll(kwargs, visitor);
      if (dynArgs != null) {
        dynArgs.walk(visitor);
      }
      if (dynKwargs != null) {
        dynKwargs.walk(visitor);
      }
    }
  }

  record Call(Expr callee, Arguments arguments) implements Expr {
    @Override
    public Object eval(Frame f) {
      Object fn = callee.eval(f);
      List<Object> args = arguments.positional(f);
      Map<String, Object> kwargs = arguments.keywords(f);
      if (fn instanceof Undefined u) {
        throw u.error();
      }
      if (fn instanceof PyCallable c) {
        return c.call(args, kwargs);
      }
      throw PyException.typeError("'" + Py.typeName(fn) + "' object is not callable");
    }

    @Override
    public void walk(Consumer<Expr> visitor) {
      visitor.accept(this);
      callee.walk(visitor);
      arguments.walk(visitor);
    }
  }

  /** {@code node|name(args)}; {@code node} is null inside a {@code {% filter %}} block. */
  record Filter(Expr node, String name, Arguments arguments) implements Expr {
    @Override
    public Object eval(Frame f) {
      Object value = node.eval(f);
      return f.filter(name, value, arguments.positional(f), arguments.keywords(f));
    }

    @Override
    public void walk(Consumer<Expr> visitor) {
      visitor.accept(this);
      if (node != null) {
        node.walk(visitor);
      }
      arguments.walk(visitor);
    }
  }

  record Test(Expr node, String name, Arguments arguments) implements Expr {
    @Override
    public Object eval(Frame f) {
      Object value = node.eval(f);
      return f.test(name, value, arguments.positional(f), arguments.keywords(f));
    }

    @Override
    public void walk(Consumer<Expr> visitor) {
      visitor.accept(this);
      node.walk(visitor);
      arguments.walk(visitor);
    }
  }

  // --------------------------------------------------------------------------- operators

  enum BinOp { ADD, SUB, MUL, DIV, FLOORDIV, MOD, POW }

  record Binary(BinOp op, Expr left, Expr right) implements Expr {
    @Override
    public Object eval(Frame f) {
      Object a = left.eval(f);
      Object b = right.eval(f);
      return switch (op) {
        case ADD -> PyOps.add(a, b);
        case SUB -> PyOps.sub(a, b);
        case MUL -> PyOps.mul(a, b);
        case DIV -> PyOps.truediv(a, b);
        case FLOORDIV -> PyOps.floordiv(a, b);
        case MOD -> PyOps.mod(a, b);
        case POW -> PyOps.pow(a, b);
      };
    }

    @Override
    public void walk(Consumer<Expr> visitor) {
      visitor.accept(this);
      left.walk(visitor);
      right.walk(visitor);
    }
  }

  record Neg(Expr node) implements Expr {
    @Override
    public Object eval(Frame f) {
      return PyOps.neg(node.eval(f));
    }

    @Override
    public void walk(Consumer<Expr> visitor) {
      visitor.accept(this);
      node.walk(visitor);
    }
  }

  record Pos(Expr node) implements Expr {
    @Override
    public Object eval(Frame f) {
      return PyOps.pos(node.eval(f));
    }

    @Override
    public void walk(Consumer<Expr> visitor) {
      visitor.accept(this);
      node.walk(visitor);
    }
  }

  record Not(Expr node) implements Expr {
    @Override
    public Object eval(Frame f) {
      return !Py.truthy(node.eval(f));
    }

    @Override
    public void walk(Consumer<Expr> visitor) {
      visitor.accept(this);
      node.walk(visitor);
    }
  }

  /** {@code a and b}: {@code a} if it is false, else {@code b} (Python returns the operand). */
  record And(Expr left, Expr right) implements Expr {
    @Override
    public Object eval(Frame f) {
      Object a = left.eval(f);
      return Py.truthy(a) ? right.eval(f) : a;
    }

    @Override
    public void walk(Consumer<Expr> visitor) {
      visitor.accept(this);
      left.walk(visitor);
      right.walk(visitor);
    }
  }

  /** {@code a or b}: {@code a} if it is true, else {@code b}. */
  record Or(Expr left, Expr right) implements Expr {
    @Override
    public Object eval(Frame f) {
      Object a = left.eval(f);
      return Py.truthy(a) ? a : right.eval(f);
    }

    @Override
    public void walk(Consumer<Expr> visitor) {
      visitor.accept(this);
      left.walk(visitor);
      right.walk(visitor);
    }
  }

  /** One {@code op operand} of a comparison chain. */
  record Operand(String op, Expr expr) {}

  /** {@code a < b == c ...}: chained as Python does, each operand evaluated once. */
  record Compare(Expr first, List<Operand> ops) implements Expr {
    @Override
    public Object eval(Frame f) {
      Object left = first.eval(f);
      Object result = null;
      for (Operand o : ops) {
        Object right = o.expr.eval(f);
        boolean r = switch (o.op) {
          case "eq" -> Py.eq(left, right);
          case "ne" -> !Py.eq(left, right);
          case "lt" -> Py.compare(left, right, "<");
          case "lteq" -> Py.compare(left, right, "<=");
          case "gt" -> Py.compare(left, right, ">");
          case "gteq" -> Py.compare(left, right, ">=");
          case "in" -> PyOps.contains(right, left);
          case "notin" -> !PyOps.contains(right, left);
          default -> throw new IllegalStateException(o.op);
        };
        if (!r) {
          return false;
        }
        result = true;
        left = right;
      }
      return result;
    }

    @Override
    public void walk(Consumer<Expr> visitor) {
      visitor.accept(this);
      first.walk(visitor);
      for (Operand o : ops) {
        o.expr.walk(visitor);
      }
    }
  }

  /** {@code a ~ b ~ c}: the {@code str()} of each, joined. */
  record Concat(List<Expr> items) implements Expr {
    @Override
    public Object eval(Frame f) {
      StringBuilder sb = new StringBuilder();
      for (Expr e : items) {
        sb.append(Py.str(e.eval(f)));
      }
      return sb.toString();
    }

    @Override
    public void walk(Consumer<Expr> visitor) {
      visitor.accept(this);
      walkAll(items, visitor);
    }
  }

  /** {@code a if test else b}; without {@code else} a false test gives an undefined value. */
  record CondExpr(Expr test, Expr then, Expr otherwise, int line) implements Expr {
    @Override
    public Object eval(Frame f) {
      if (Py.truthy(test.eval(f))) {
        return then.eval(f);
      }
      if (otherwise != null) {
        return otherwise.eval(f);
      }
      return Undefined.lenient("the inline if-expression on line " + line
          + " evaluated to false and no else section was defined.");
    }

    @Override
    public void walk(Consumer<Expr> visitor) {
      visitor.accept(this);
      test.walk(visitor);
      then.walk(visitor);
      if (otherwise != null) {
        otherwise.walk(visitor);
      }
    }
  }
}
