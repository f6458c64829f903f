package org.lmeval.api.filter;

import org.lmeval.api.Options;

/** A named filter step (lm-eval's {@code filter_list[].filter[].function}: {@code regex}, {@code take_first}, ...). */
public interface FilterFactory {
  /** lm-eval's name, snake_case. */
  String name();

  /** A filter configured with the step's YAML kwargs; read every kwarg here. A fresh one per application. */
  Filter create(Options kwargs);
}
