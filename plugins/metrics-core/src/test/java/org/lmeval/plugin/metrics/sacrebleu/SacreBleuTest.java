package org.lmeval.plugin.metrics.sacrebleu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmeval.plugin.metrics.Fixtures;
import org.lmeval.plugin.metrics.Ulps;

/** Corpus BLEU, chrF and TER against sacrebleu 2.x on lm-eval's aggregation path and on multi-reference corpora. */
class SacreBleuTest {
  private static final JsonNode ROOT = Fixtures.load("sacrebleu.json");

  @Test
  void corporaMatchLmEvalAggregations() {
    for (JsonNode c : ROOT.get("corpora")) {
      List<String> hyps = new ArrayList<>();
      List<List<String>> refs = new ArrayList<>();
      for (JsonNode item : c.get("items")) {
        refs.add(List.of(item.get(0).asText()));
        hyps.add(item.get(1).asText());
      }
      check(c, hyps, refs);
    }
  }

  @Test
  void multiReferenceCorpora() {
    for (JsonNode c : ROOT.get("multi_reference")) {
      List<String> hyps = new ArrayList<>();
      c.get("hyps").forEach(h -> hyps.add(h.asText()));
      List<List<String>> refs = new ArrayList<>();
      for (int i = 0; i < hyps.size(); i++) {
        List<String> r = new ArrayList<>();
        for (JsonNode stream : c.get("refs")) {
          r.add(stream.get(i).asText());
        }
        refs.add(r);
      }
      check(c, hyps, refs);
    }
  }

  @Test
  void publishedExample() {
    // the three-sentence, two-reference example of sacrebleu's documentation
    JsonNode c = ROOT.get("published");
    List<String> hyps = List.of("The dog bit the man.", "It wasn't surprising.", "The man had just bitten him.");
    List<List<String>> refs = List.of(
        List.of("The dog bit the man.", "The dog had bit the man."),
        List.of("It was not unexpected.", "No one was surprised."),
        List.of("The man bit him first.", "The man had bitten the dog."));
    assertEquals(48.530827, SacreBleu.bleu(hyps, refs), 1e-6);
    check(c, hyps, refs);
  }

  private static void check(JsonNode c, List<String> hyps, List<List<String>> refs) {
    Ulps.assertClose(c.get("bleu").asDouble(), SacreBleu.bleu(hyps, refs), 2, "bleu of " + hyps + " vs " + refs);
    assertEquals(c.get("chrf").asDouble(), SacreBleu.chrf(hyps, refs), () -> "chrf of " + hyps + " vs " + refs);
    assertEquals(c.get("ter").asDouble(), SacreBleu.ter(hyps, refs), () -> "ter of " + hyps + " vs " + refs);
  }

  @Test
  void truthfulQaSentenceBleuWithIntlTokenizer() {
    for (JsonNode c : ROOT.get("truthfulqa_bleu")) {
      String ref = c.get("ref").asText();
      String pred = c.get("pred").asText();
      double actual = BleuStatistics.score(SacreBleu.bleuSegmentIntl(pred, List.of(ref)));
      Ulps.assertClose(c.get("bleu").asDouble(), actual, 2, "bleu(intl) of " + pred + " vs " + ref);
    }
  }
}
