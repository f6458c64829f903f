package org.lmeval.api.filter;

import java.util.List;
import java.util.Map;

/**
 * One step of a filter pipeline, applied to all of a task's requests at once (lm-eval semantics).
 *
 * <p>{@code responses} has one element per request: before the first step, the list of that request's
 * raw responses (one per repeat: a {@code String} for generations); after a step, whatever that step left
 * (for example a single {@code String} after {@code take_first}). The result MUST have the same size and
 * order as the input. {@code docs} are the requests' documents, in the same order.
 */
public interface Filter {
  List<Object> apply(List<Object> responses, List<Map<String, Object>> docs);
}
