package org.lmeval.plugin.metrics.choice;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lmeval.plugin.metrics.Fixtures;
import org.lmeval.plugin.metrics.TestSample;

/** {@code multiple_choice.json}: documents scored by lm-eval's {@code ConfigurableTask.process_results}. */
final class ChoiceFixtures {
  /** One document: the sample the kernel would build, and lm-eval's per-metric values. */
  record Case(TestSample sample, List<String> metrics, Map<String, Object> expected) {}

  private static final List<Case> CASES = load();

  private ChoiceFixtures() {}

  static List<Case> cases() {
    return CASES;
  }

  /** The cases that list {@code metric}. */
  static List<Case> cases(String metric) {
    List<Case> out = new ArrayList<>();
    for (Case c : CASES) {
      if (c.metrics().contains(metric)) {
        out.add(c);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("no fixture lists " + metric);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Case> load() {
    List<Case> out = new ArrayList<>();
    for (JsonNode c : Fixtures.list(Fixtures.load("multiple_choice.json").get("cases"))) {
      List<String> choices = (List<String>) Fixtures.plain(c.get("choices"));
      double[] lls = Fixtures.doubles(c.get("lls"));
      boolean[] greedy = new boolean[lls.length];
      for (int i = 0; i < greedy.length; i++) {
        greedy[i] = c.get("greedy").get(i).asBoolean();
      }
      double[] uncond = c.get("unconditional").isNull() ? null : Fixtures.doubles(c.get("unconditional"));
      TestSample s = TestSample.multipleChoice(choices, lls, greedy, uncond, Fixtures.plain(c.get("target")));
      out.add(new Case(s, (List<String>) Fixtures.plain(c.get("metrics")), Fixtures.map(c.get("expected"))));
    }
    return List.copyOf(out);
  }
}
