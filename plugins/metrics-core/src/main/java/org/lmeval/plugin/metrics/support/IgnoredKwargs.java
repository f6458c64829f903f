package org.lmeval.plugin.metrics.support;

import org.lmeval.api.Options;

/**
 * The kwargs of a metric that lm-eval never passes its kwargs to (the pass-through metrics such as {@code acc}
 * or {@code f1}, and {@code process_results} metrics): lm-eval ignores them, and real task files carry such keys
 * (e.g. {@code ignore_case} on {@code acc}).
 */
public final class IgnoredKwargs {
  private IgnoredKwargs() {}

  /** Marks every kwarg of {@code metric} as read and logs that they have no effect. */
  public static void ignore(String metric, Options options) {
    if (options.isEmpty()) {
      return;
    }
    for (String key : options.keys()) {
      options.value(key);
    }
    System.getLogger(IgnoredKwargs.class.getName()).log(System.Logger.Level.WARNING,
        "metric ''{0}'' ignores its kwargs {1}, as lm-eval does", metric, options.keys());
  }
}
