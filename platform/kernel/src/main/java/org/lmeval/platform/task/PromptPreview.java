package org.lmeval.platform.task;

import java.util.List;
import java.util.Map;
import org.lmeval.platform.eval.Instance;

/**
 * One rendered document of a task, for {@code lm-eval validate} and {@code --write_out}.
 *
 * @param task the task name
 * @param docId the document index
 * @param doc the document (after process_docs)
 * @param target {@code doc_to_target(doc)}, raw
 * @param requests the document's requests (their contexts and continuations)
 */
public record PromptPreview(String task, int docId, Map<String, Object> doc, Object target, List<Instance> requests) {
  public PromptPreview {
    requests = List.copyOf(requests);
  }
}
