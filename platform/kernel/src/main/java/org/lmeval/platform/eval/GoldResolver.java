package org.lmeval.platform.eval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.platform.python.PythonStr;

/**
 * lm-eval's gold resolution in {@code ConfigurableTask.process_results} (§4.2 of the behaviour spec).
 * Values are Python-shaped: {@code Integer}/{@code Long}/{@code BigInteger} are ints, {@code Double} floats,
 * {@code String} str, {@code List} list, {@code Map} dict, {@code Boolean} bool, null None.
 */
public final class GoldResolver {
  /** lm-eval's marker for a gold answer that is not among the choices. */
  public static final int NOT_FOUND = -100;

  private GoldResolver() {}

  /**
   * {@code multiple_choice}: the gold index, or list of indices. {@code doc_to_text(doc)} for
   * multiple-input tasks, else {@code doc_to_target(doc)}; an int {@code >= len(choices)} becomes -100, a
   * string is looked up in the choices (-100 if absent), each int of a list is checked the same way.
   * Other values (a float, say) are passed on unchanged, as lm-eval does.
   */
  public static Object multipleChoice(EvalTask task, Map<String, Object> doc, List<String> choices, int docId) {
    Object gold = task.multipleInput() ? task.docToText(doc) : task.docToTarget(doc);
    int k = choices.size();
    if (gold instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object g : list) {
        if (!isInt(g)) {
          throw new EvalException(ErrorCode.INVALID_TASK, "task '" + task.name() + "', doc " + docId
              + ": a list gold must hold choice indices (ints), got " + PythonStr.repr(gold));
        }
        out.add(indexOrNotFound(g, k));
      }
      return out;
    }
    if (isInt(gold)) {
      return indexOrNotFound(gold, k);
    }
    if (gold instanceof String s) {
      int i = choices.indexOf(s);
      return i >= 0 ? i : NOT_FOUND;
    }
    return gold;
  }

  private static Object indexOrNotFound(Object g, int k) {
    if (g instanceof Boolean b) {
      return b ? (1 < k ? 1 : NOT_FOUND) : (0 < k ? 0 : NOT_FOUND);
    }
    BigInteger v = toBigInteger(g);
    return v.compareTo(BigInteger.valueOf(k)) < 0 ? (Object) v.intValueExact() : NOT_FOUND;
  }

  /**
   * {@code generate_until}: {@code choices[gold]} when the task has {@code doc_to_choice}; a list for
   * multiple-target tasks ({@code list(gold)}: a string becomes its characters, as in Python); else the
   * target converted to the response's type when they differ ({@code type(result)(gold)}, e.g. an int
   * target becomes {@code "5"}), unless the response is a list or the task uses {@code bypass}.
   */
  public static Object generation(EvalTask task, Map<String, Object> doc, List<String> choices, Object result,
      boolean bypass, int docId) {
    Object gold = task.docToTarget(doc);
    if (task.hasChoices()) {
      if (!isInt(gold)) {
        throw new EvalException(ErrorCode.INVALID_TASK, "task '" + task.name() + "', doc " + docId
            + ": with doc_to_choice, doc_to_target must give a choice index (int), got " + PythonStr.repr(gold));
      }
      int i = gold instanceof Boolean b ? (b ? 1 : 0) : toBigInteger(gold).intValue();
      int j = i < 0 ? i + choices.size() : i;
      if (j < 0 || j >= choices.size()) {
        throw new EvalException(ErrorCode.INVALID_TASK, "task '" + task.name() + "', doc " + docId
            + ": target index " + i + " is out of range for " + choices.size() + " choices");
      }
      return choices.get(j);
    }
    if (task.multipleTarget()) {
      return asList(gold, task, docId);
    }
    if (!sameType(gold, result) && !bypass && !(result instanceof List)) {
      return convert(gold, result, task, docId);
    }
    return gold;
  }

  private static List<Object> asList(Object gold, EvalTask task, int docId) {
    if (gold instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    if (gold instanceof String s) {
      List<Object> chars = new ArrayList<>();
      s.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
      return chars;
    }
    if (gold instanceof Map<?, ?> m) {
      return new ArrayList<>(m.keySet());
    }
    throw new EvalException(ErrorCode.INVALID_TASK, "task '" + task.name() + "', doc " + docId
        + ": a multiple-target task's doc_to_target must give a list, got " + PythonStr.repr(gold));
  }

  /** {@code type(result)(gold)} for the types a filtered response can have. */
  private static Object convert(Object gold, Object result, EvalTask task, int docId) {
    if (result instanceof String) {
      return PythonStr.str(gold);
    }
    try {
      if (isInt(result) && !(result instanceof Boolean)) {
        if (gold instanceof Double d) {
          return new BigDecimal(d).toBigInteger().intValueExact();
        }
        if (gold instanceof String s) {
          return Integer.parseInt(s.strip().replace("_", ""));
        }
        if (gold instanceof Boolean b) {
          return b ? 1 : 0;
        }
      } else if (result instanceof Double) {
        if (gold instanceof String s) {
          return Double.parseDouble(s.strip());
        }
        if (gold instanceof Boolean b) {
          return b ? 1.0 : 0.0;
        }
        if (isInt(gold)) {
          return toBigInteger(gold).doubleValue();
        }
      } else if (result instanceof Boolean) {
        return truthy(gold);
      }
    } catch (RuntimeException e) {
      // reported below
    }
    throw new EvalException(ErrorCode.INVALID_TASK, "task '" + task.name() + "', doc " + docId
        + ": cannot convert the target " + PythonStr.repr(gold) + " to the type of the filtered response "
        + PythonStr.repr(result) + " (lm-eval's type(result)(gold))");
  }

  /** Python's {@code bool(value)}. */
  static boolean truthy(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Double || v instanceof Float) {
      return ((Number) v).doubleValue() != 0;
    }
    if (isInt(v)) {
      return toBigInteger(v).signum() != 0;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof java.util.Collection<?> c) {
      return !c.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return true;
  }

  /** Python {@code type(a) is type(b)} for Python-shaped values. */
  static boolean sameType(Object a, Object b) {
    return pythonType(a).equals(pythonType(b));
  }

  private static String pythonType(Object o) {
    if (o == null) {
      return "NoneType";
    }
    if (o instanceof Boolean) {
      return "bool";
    }
    if (isInt(o)) {
      return "int";
    }
    if (o instanceof Double || o instanceof Float) {
      return "float";
    }
    if (o instanceof String) {
      return "str";
    }
    if (o instanceof org.lmeval.platform.python.PythonTuple) {
      return "tuple";
    }
    if (o instanceof List) {
      return "list";
    }
    if (o instanceof Map) {
      return "dict";
    }
    return o.getClass().getName();
  }

  static boolean isInt(Object o) {
    return o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte
        || o instanceof BigInteger || o instanceof Boolean;
  }

  private static BigInteger toBigInteger(Object o) {
    return o instanceof BigInteger b ? b : BigInteger.valueOf(((Number) o).longValue());
  }
}
