package org.lmeval.platform.task;

import java.util.List;

/**
 * The value of a {@code !function module.attr} YAML tag, unresolved.
 *
 * @param spec the tag's text, e.g. {@code utils.process_docs}
 * @param candidates the registered names it may resolve to, most specific first: the folder of the YAML
 *     file that holds the tag, as dots, plus the spec ({@code hellaswag.utils.process_docs}), then each
 *     shorter suffix down to the spec itself
 * @param where the file and line of the tag
 */
public record FunctionRef(String spec, List<String> candidates, Location where) {
  public FunctionRef {
    candidates = List.copyOf(candidates);
  }

  @Override
  public String toString() {
    return "!function " + spec;
  }
}
