package org.lmeval.platform.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.platform.util.Suggestions;

/**
 * Rejects the options a factory did not read in {@code open}/{@code create}, with a suggestion from the keys
 * it did ask for: "unknown model arg 'pretraned' for model 'dummy'; did you mean 'pretrained'?".
 */
public final class UnreadOptions {
  /** Model args the kernel passes to every backend; a backend need not read them. */
  public static final Set<String> KERNEL_MODEL_ARGS = Set.of("batch_size", "max_batch_size", "device", "random_seed");

  private UnreadOptions() {}

  /**
   * Throws {@code INVALID_ARGUMENT} if {@code options} has keys nobody read, other than {@code exempt}.
   *
   * @param options what the factory was given
   * @param defaultKind the kind for messages when the options carry the generic kind "option" ("model arg")
   * @param component the component for messages ("model 'dummy'")
   * @param exempt keys that may stay unread
   */
  public static void check(Options options, String defaultKind, String component, Set<String> exempt) {
    Set<String> unread = new TreeSet<>(options.unreadKeys());
    unread.removeAll(exempt);
    if (unread.isEmpty()) {
      return;
    }
    String kind = "option".equals(options.kind()) ? defaultKind : options.kind();
    Set<String> accepted = new TreeSet<>(options.readKeys());
    accepted.removeAll(exempt);
    List<String> problems = new ArrayList<>();
    for (String key : unread) {
      List<String> close = Suggestions.closest(key, accepted, 3);
      String problem = "unknown " + kind + " '" + key + "' for " + component;
      if (!close.isEmpty()) {
        problem += "; did you mean " + String.join(" or ", close.stream().map(n -> "'" + n + "'").toList()) + "?";
      } else if (!accepted.isEmpty()) {
        problem += "; accepted: " + String.join(", ", accepted);
      } else {
        problem += "; it takes no " + kind + "s";
      }
      problems.add(problem);
    }
    throw new EvalException(ErrorCode.INVALID_ARGUMENT, String.join("\n", problems));
  }
}
