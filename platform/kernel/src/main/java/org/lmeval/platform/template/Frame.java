package org.lmeval.platform.template;

import java.util.List;
import java.util.Map;

/** What an expression sees while it is evaluated: variables, filters, tests. */
interface Frame {
  /** The variable's value, or an {@link Undefined} naming it. */
  Object lookup(String name);

  /** Applies filter {@code name}; fails with TemplateAssertionError when there is none. */
  Object filter(String name, Object value, List<Object> args, Map<String, Object> kwargs);

  /** Applies test {@code name}; fails with TemplateAssertionError when there is none. */
  boolean test(String name, Object value, List<Object> args, Map<String, Object> kwargs);

  /** Whether a filter of that name exists (checked when a template is compiled). */
  boolean hasFilter(String name);

  /** Whether a test of that name exists. */
  boolean hasTest(String name);
}
