package org.lmeval.api.task;

import java.util.Map;

/**
 * A {@code doc_to_text}, {@code doc_to_target} or {@code doc_to_choice: !function name} function, registered
 * under lm-eval's dotted name (e.g. {@code preprocess_winogrande.doc_to_text} of the winogrande folder is
 * {@code winogrande.preprocess_winogrande.doc_to_text}).
 */
public interface DocFunction {
  String name();

  /**
   * Calls the function on one document.
   *
   * @return what the Python function returns, used as is: a String, an Integer (a target index, or for
   *     {@code doc_to_text} a multiple-input context index), or a List of Strings (choices, or several targets)
   */
  Object apply(Map<String, Object> doc);
}
