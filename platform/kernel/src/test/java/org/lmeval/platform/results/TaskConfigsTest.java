package org.lmeval.platform.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskConfigsTest {

  @Test
  void predictOnlyRewritesMetricListAndInsertsProcessResultsInFieldOrder() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("task", "t");
    c.put("doc_to_text", "{{q}}");
    c.put("doc_to_choice", "{{c}}");
    c.put("description", "");
    c.put("num_fewshot", 0);
    c.put("metric_list", List.of(Map.of("metric", "acc")));
    c.put("output_type", "multiple_choice");
    Map<String, Object> p = TaskConfigs.predictOnly(c);
    assertEquals(List.of("task", "doc_to_text", "doc_to_choice", "process_results", "description", "num_fewshot",
        "metric_list", "output_type"), List.copyOf(p.keySet()));
    assertEquals(List.of(Map.of("metric", "bypass")), p.get("metric_list"));
    assertEquals(p, TaskConfigs.predictOnly(p), "idempotent");
  }
}
