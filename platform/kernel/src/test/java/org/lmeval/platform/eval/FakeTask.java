package org.lmeval.platform.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingRequest;

/** A hand-built {@link EvalTask} for unit tests; targets, texts and choices are read from doc fields. */
final class FakeTask implements EvalTask {
  String name = "fake";
  String alias;
  OutputType type;
  List<MetricSpec> metrics = new ArrayList<>();
  List<FilterSetSpec> filterSets = List.of(FilterSetSpec.none());
  List<Map<String, Object>> docs = new ArrayList<>();
  int repeats = 1;
  boolean multipleInput;
  boolean multipleTarget;
  boolean hasChoices;
  Function<Map<String, Object>, Object> target = d -> d.get("target");

  FakeTask(OutputType type) {
    this.type = type;
  }

  FakeTask metric(String name, Object... kwargs) {
    Map<String, Object> kw = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kwargs.length; i += 2) {
      kw.put((String) kwargs[i], kwargs[i + 1]);
    }
    metrics.add(new MetricSpec(name, null, null, kw));
    return this;
  }

  FakeTask doc(Object... kv) {
    Map<String, Object> d = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      d.put((String) kv[i], kv[i + 1]);
    }
    docs.add(d);
    return this;
  }

  /** The instances lm-eval would build: one per choice for multiple_choice, else one per doc. */
  @Override
  public List<Instance> instances() {
    List<Instance> out = new ArrayList<>();
    for (int id = 0; id < docs.size(); id++) {
      Map<String, Object> d = docs.get(id);
      String ctx = "Q" + id + ":";
      switch (type) {
        case MULTIPLE_CHOICE -> {
          List<String> choices = docToChoice(d);
          for (int i = 0; i < choices.size(); i++) {
            String cont = " " + choices.get(i);
            out.add(new Instance(name, id, d, i, RequestType.LOGLIKELIHOOD, new LoglikelihoodRequest(ctx, cont),
                List.of(ctx, cont), repeats));
          }
        }
        case LOGLIKELIHOOD -> out.add(new Instance(name, id, d, 0, RequestType.LOGLIKELIHOOD,
            new LoglikelihoodRequest(ctx, " " + d.get("target")), List.of(ctx, " " + d.get("target")), repeats));
        case LOGLIKELIHOOD_ROLLING -> out.add(new Instance(name, id, d, 0, RequestType.LOGLIKELIHOOD_ROLLING,
            new RollingRequest((String) d.get("target")), List.of(d.get("target")), repeats));
        default -> out.add(new Instance(name, id, d, 0, RequestType.GENERATE_UNTIL,
            new GenerationRequest(ctx, GenerationParams.greedy(List.of("\n"))),
            List.of(ctx, Map.of("until", List.of("\n"))), repeats));
      }
    }
    return out;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String alias() {
    return alias == null ? name : alias;
  }

  @Override
  public OutputType outputType() {
    return type;
  }

  @Override
  public Object version() {
    return 1.0;
  }

  @Override
  public int numFewshot() {
    return 0;
  }

  @Override
  public List<MetricSpec> metrics() {
    return metrics;
  }

  @Override
  public List<FilterSetSpec> filterSets() {
    return filterSets;
  }

  @Override
  public int repeats() {
    return repeats;
  }

  @Override
  public int originalDocCount() {
    return docs.size();
  }

  @Override
  public Object docToTarget(Map<String, Object> doc) {
    return target.apply(doc);
  }

  @Override
  public Object docToText(Map<String, Object> doc) {
    return doc.get("text");
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<String> docToChoice(Map<String, Object> doc) {
    Object c = doc.get("choices");
    return c == null ? List.of() : (List<String>) c;
  }

  @Override
  public boolean hasChoices() {
    return hasChoices || type == OutputType.MULTIPLE_CHOICE;
  }

  @Override
  public boolean multipleInput() {
    return multipleInput;
  }

  @Override
  public boolean multipleTarget() {
    return multipleTarget;
  }

  @Override
  public Map<String, Object> configForResults() {
    return Map.of("task", name);
  }
}
