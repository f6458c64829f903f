package org.lmeval.platform.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Jinja2's undefined value. lm-eval renders with {@code StrictUndefined} (transformers' chat templates with
 * the plain {@code Undefined}, see {@link PyInterpreter#lenientUndefined()}): the value of a missing
 * variable, attribute or item may be passed around, tested ({@code is defined}) and replaced
 * ({@code |default}), and every other use (printing, truth value, iteration, comparison, arithmetic,
 * attribute access, calling) raises {@code UndefinedError} with Jinja2's message. An inline
 * {@code if} without {@code else} whose condition is false gives Jinja2's plain, lenient
 * {@code Undefined} instead (Jinja2's compiler hard-codes it): it prints as "", is false, empty and
 * equal to other lenient undefineds, and fails like the strict one otherwise.
 */
final class Undefined {
  /** Marks "no owner object": the undefined value is a missing variable. */
  private static final Object MISSING = new Object();

  private final String hint;
  private final Object owner;
  private final Object name;
  private final boolean strict;

  private Undefined(String hint, Object owner, Object name, boolean strict) {
    this.hint = hint;
    this.owner = owner;
    this.name = name;
    this.strict = strict;
  }

  /** A variable that is not in the context. */
  static Undefined variable(String name) {
    return new Undefined(null, MISSING, name, strictNow());
  }

  /** An attribute or item {@code name} that {@code owner} does not have. */
  static Undefined member(Object owner, Object name) {
    return new Undefined(null, owner, name, strictNow());
  }

  /** A strict undefined value with a fixed message. */
  static Undefined withHint(String hint) {
    return new Undefined(hint, MISSING, null, strictNow());
  }

  /** The environment's undefined class: strict (lm-eval) unless the render is lenient (chat templates). */
  private static boolean strictNow() {
    return !(com.hubspot.jinjava.interpret.JinjavaInterpreter.getCurrent() instanceof PyInterpreter p
        && p.lenientUndefined());
  }

  /** A lenient (plain {@code jinja2.Undefined}) value with a fixed message. */
  static Undefined lenient(String hint) {
    return new Undefined(hint, MISSING, null, false);
  }

  boolean strict() {
    return strict;
  }

  /** Jinja2's {@code Undefined._undefined_message}. */
  String message() {
    if (hint != null) {
      return hint;
    }
    if (owner == MISSING) {
      return Py.repr(name) + " is undefined";
    }
    if (!(name instanceof String)) {
      return Py.objectTypeRepr(owner) + " has no element " + Py.repr(name);
    }
    return Py.repr(Py.objectTypeRepr(owner)) + " has no attribute " + Py.repr(name);
  }

  /** The error any failing use of this value raises. */
  PyException error() {
    return PyException.undefined(message());
  }

  /** {@code str(self)}. */
  String str() {
    if (strict) {
      throw error();
    }
    return "";
  }

  /** {@code bool(self)}. */
  boolean truthy() {
    if (strict) {
      throw error();
    }
    return false;
  }

  /** {@code len(self)}. */
  int len() {
    if (strict) {
      throw error();
    }
    return 0;
  }

  /** {@code list(self)}. */
  List<Object> iterate() {
    if (strict) {
      throw error();
    }
    return new ArrayList<>();
  }

  /** {@code self == other}. */
  boolean eq(Object other) {
    if (strict) {
      throw error();
    }
    return other instanceof Undefined u && !u.strict;
  }

  @Override
  public String toString() {
    return "Undefined";
  }
}
