package org.lmeval.platform.eval;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lmeval.api.model.RequestType;

/**
 * One request of one document of one task, as lm-eval's {@code Instance}.
 *
 * @param taskName the task's name
 * @param docId the document's index in the evaluation split (with {@code --samples}, the given index)
 * @param doc the document after {@code process_docs}
 * @param idx the request's index within its document (choice index for multiple_choice)
 * @param type the request type sent to the model
 * @param request a {@code LoglikelihoodRequest}, {@code RollingRequest} or {@code GenerationRequest}
 *     matching {@code type}
 * @param arguments lm-eval's {@code args} tuple as logged in samples: {@code [context, continuation]},
 *     {@code [context, generation_kwargs map]} or {@code [text]}
 * @param repeats how many times the request is sent (responses are collected in order)
 */
public record Instance(
    String taskName,
    int docId,
    Map<String, Object> doc,
    int idx,
    RequestType type,
    Object request,
    List<Object> arguments,
    int repeats) {

  public Instance {
    Objects.requireNonNull(taskName, "taskName");
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(request, "request");
    arguments = List.copyOf(arguments);
    if (repeats < 1) {
      throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
    }
  }
}
