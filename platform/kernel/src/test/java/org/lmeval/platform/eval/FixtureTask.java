package org.lmeval.platform.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingRequest;

/**
 * An {@link EvalTask} replayed from a tools/scoring fixture: what lm-eval 0.4.13 built for the task
 * (docs, targets, choices, instances) and what the replaying model answered.
 */
@SuppressWarnings("unchecked")
final class FixtureTask implements EvalTask {
  private final Map<String, Object> json;
  private final Map<Object, Map<String, Object>> docsByIdentity = new java.util.IdentityHashMap<>();
  private final List<Instance> instances = new ArrayList<>();
  private final List<List<Object>> responses = new ArrayList<>();

  FixtureTask(Map<String, Object> json) {
    this.json = json;
    List<Map<String, Object>> docs = (List<Map<String, Object>>) json.get("docs");
    Map<Integer, Map<String, Object>> byId = new LinkedHashMap<>();
    for (Map<String, Object> d : docs) {
      Map<String, Object> doc = (Map<String, Object>) d.get("doc");
      byId.put((Integer) d.get("doc_id"), doc);
      docsByIdentity.put(doc, d);
    }
    for (Map<String, Object> i : (List<Map<String, Object>>) json.get("instances")) {
      int docId = (Integer) i.get("doc_id");
      String type = (String) i.get("request_type");
      List<Object> args = (List<Object>) i.get("arguments");
      RequestType rt;
      Object request;
      List<Object> rs = new ArrayList<>();
      switch (type) {
        case "loglikelihood" -> {
          rt = RequestType.LOGLIKELIHOOD;
          request = new LoglikelihoodRequest((String) args.get(0), (String) args.get(1));
          for (Object r : (List<Object>) i.get("responses")) {
            List<Object> pair = (List<Object>) r;
            rs.add(new LoglikelihoodResult(((Number) pair.get(0)).doubleValue(), (Boolean) pair.get(1)));
          }
        }
        case "loglikelihood_rolling" -> {
          rt = RequestType.LOGLIKELIHOOD_ROLLING;
          request = new RollingRequest((String) args.get(0));
          for (Object r : (List<Object>) i.get("responses")) {
            rs.add(new org.lmeval.api.model.RollingResult(((Number) r).doubleValue()));
          }
        }
        default -> {
          rt = RequestType.GENERATE_UNTIL;
          request = new GenerationRequest((String) args.get(0), GenerationParams.greedy(List.of()));
          rs.addAll((List<Object>) i.get("responses"));
        }
      }
      instances.add(new Instance(name(), docId, byId.get(docId), (Integer) i.get("idx"), rt, request, args,
          (Integer) i.get("repeats")));
      responses.add(rs);
    }
  }

  List<List<Object>> responses() {
    return responses;
  }

  @Override
  public String name() {
    return (String) json.get("name");
  }

  @Override
  public String alias() {
    return (String) json.get("alias");
  }

  @Override
  public OutputType outputType() {
    return OutputType.fromYaml((String) json.get("output_type"));
  }

  @Override
  public Object version() {
    return json.get("version");
  }

  @Override
  public int numFewshot() {
    return (Integer) json.get("num_fewshot");
  }

  @Override
  public List<MetricSpec> metrics() {
    List<MetricSpec> out = new ArrayList<>();
    for (Map<String, Object> m : (List<Map<String, Object>>) json.get("metric_list")) {
      Map<String, Object> kwargs = new LinkedHashMap<>(m);
      String metric = (String) kwargs.remove("metric");
      String aggregation = (String) kwargs.remove("aggregation");
      Boolean hib = (Boolean) kwargs.remove("higher_is_better");
      out.add(new MetricSpec(metric, aggregation, hib, kwargs));
    }
    return out;
  }

  @Override
  public List<FilterSetSpec> filterSets() {
    Object list = json.get("filter_list");
    if (list == null) {
      return List.of(FilterSetSpec.none());
    }
    List<FilterSetSpec> out = new ArrayList<>();
    for (Map<String, Object> set : (List<Map<String, Object>>) list) {
      List<FilterSetSpec.Step> steps = new ArrayList<>();
      for (Map<String, Object> step : (List<Map<String, Object>>) set.get("filter")) {
        Map<String, Object> kwargs = new LinkedHashMap<>(step);
        String function = (String) kwargs.remove("function");
        steps.add(new FilterSetSpec.Step(function, kwargs));
      }
      out.add(new FilterSetSpec((String) set.get("name"), steps));
    }
    return out;
  }

  @Override
  public int repeats() {
    return (Integer) json.get("repeats");
  }

  @Override
  public int originalDocCount() {
    return (Integer) json.get("original_doc_count");
  }

  @Override
  public List<Instance> instances() {
    return instances;
  }

  @Override
  public Object docToTarget(Map<String, Object> doc) {
    return docsByIdentity.get(doc).get("target");
  }

  @Override
  public Object docToText(Map<String, Object> doc) {
    return docsByIdentity.get(doc).get("text");
  }

  @Override
  public List<String> docToChoice(Map<String, Object> doc) {
    return (List<String>) docsByIdentity.get(doc).get("choices");
  }

  @Override
  public boolean hasChoices() {
    return (Boolean) json.get("has_choices");
  }

  @Override
  public boolean multipleInput() {
    return (Boolean) json.get("multiple_input");
  }

  @Override
  public boolean multipleTarget() {
    return (Boolean) json.get("multiple_target");
  }

  @Override
  public Map<String, Object> configForResults() {
    return (Map<String, Object>) json.get("config");
  }
}
