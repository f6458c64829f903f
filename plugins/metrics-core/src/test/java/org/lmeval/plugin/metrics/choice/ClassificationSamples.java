package org.lmeval.plugin.metrics.choice;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.lmeval.api.metric.Sample;
import org.lmeval.plugin.metrics.TestSample;

/** Multiple-choice samples whose argmax is a given prediction and whose target is a given gold. */
final class ClassificationSamples {
  private ClassificationSamples() {}

  /** One sample per [gold, pred] item; the gold -100 (not a choice) is kept as is. */
  static List<Sample> of(JsonNode items) {
    int classes = 2;
    for (JsonNode item : items) {
      classes = Math.max(classes, Math.max(item.get(0).asInt(), item.get(1).asInt()) + 1);
    }
    List<String> choices = new ArrayList<>();
    for (int k = 0; k < classes; k++) {
      choices.add("choice " + k);
    }
    List<Sample> out = new ArrayList<>();
    for (JsonNode item : items) {
      double[] lls = new double[classes];
      java.util.Arrays.fill(lls, -5);
      lls[item.get(1).asInt()] = -1;
      out.add(TestSample.multipleChoice(choices, lls, new boolean[classes], null, item.get(0).asInt()));
    }
    return out;
  }
}
