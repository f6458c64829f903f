package org.lmeval.api.task;

import java.util.List;
import java.util.Map;

/**
 * A {@code process_docs: !function name} transform, registered under lm-eval's dotted name
 * (e.g. {@code utils.process_docs} of the hellaswag folder is {@code hellaswag.utils.process_docs}).
 */
public interface DocTransform {
  String name();

  List<Map<String, Object>> apply(List<Map<String, Object>> docs);
}
