package org.lmeval.platform.template;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The proof: every Jinja template of lm-eval 0.4.13's task YAMLs, with real and synthesised docs,
 * rendered by Python's Jinja2 in lm-eval's environment ({@code tools/jinja/make_corpus.py}), must
 * render byte for byte the same here, or fail with the same exception class. Cases listed in
 * {@code known-mismatches.txt} (with their reason) may differ; any other difference fails.
 */
class JinjaCorpusTest {
  /** The share of cases that must match; set from what the renderer achieves. */
  private static final double MIN_MATCH_RATE = 0.999;

  private record Outcome(String output, String errorType, String errorMessage) {
    static Outcome of(Map<?, ?> c) {
      if (c.containsKey("error")) {
        Map<?, ?> e = (Map<?, ?>) c.get("error");
        return new Outcome(null, (String) e.get("type"), (String) e.get("message"));
      }
      return new Outcome((String) c.get("out"), null, null);
    }

    boolean matches(Outcome other) {
      return output != null ? output.equals(other.output) : errorType.equals(other.errorType);
    }

    @Override
    public String toString() {
      return output != null ? "out " + quote(output) : errorType + ": " + errorMessage;
    }
  }

  @Test
  void rendersTheLmEvalCorpusAsJinja2Does() throws IOException {
    Map<String, String> known = knownMismatches();
    JinjaRenderer renderer = new JinjaRenderer();
    ObjectMapper json = new ObjectMapper();
    int total = 0;
    int matched = 0;
    List<String> unexpected = new ArrayList<>();
    List<String> knownSeen = new ArrayList<>();
    Map<String, Integer> messageDiffs = new TreeMap<>();
    try (BufferedReader in = corpus()) {
      String line;
      while ((line = in.readLine()) != null) {
        Map<?, ?> record = json.readValue(line, Map.class);
        String template = (String) record.get("template");
        for (Object o : (List<?>) record.get("cases")) {
          Map<?, ?> c = (Map<?, ?>) o;
          String id = (String) c.get("id");
          @SuppressWarnings("unchecked")
          Map<String, Object> doc = (Map<String, Object>) c.get("doc");
          Outcome expected = Outcome.of(c);
          Outcome actual = render(renderer, template, doc);
          total++;
          if (expected.matches(actual)) {
            matched++;
            if (expected.errorType != null && !expected.errorMessage.equals(actual.errorMessage)) {
              messageDiffs.merge(expected.errorType, 1, Integer::sum);
            }
            continue;
          }
          if (known.containsKey(id)) {
            knownSeen.add(id);
            continue;
          }
          unexpected.add(id + " " + record.get("sources") + "\n    template: " + quote(template)
              + "\n    doc: " + quote(String.valueOf(doc))
              + "\n    expected: " + expected + "\n    actual:   " + actual);
        }
      }
    }
    double rate = (double) matched / total;
    System.out.printf("Jinja corpus: %d/%d cases match (%.4f%%), %d known mismatches, %d new%n",
        matched, total, 100 * rate, knownSeen.size(), unexpected.size());
    if (!messageDiffs.isEmpty()) {
      System.out.println("Same exception class, different message: " + messageDiffs);
    }
    List<String> stale = new ArrayList<>(known.keySet());
    stale.removeAll(knownSeen);
    if (!stale.isEmpty()) {
      System.out.println("known-mismatches.txt entries that now match (remove them): " + stale);
    }
    unexpected.stream().limit(200).forEach(System.out::println);
    if (!unexpected.isEmpty()) {
      fail(unexpected.size() + " corpus cases render differently from Jinja2 (see the output above)");
    }
    assertTrue(rate >= MIN_MATCH_RATE, "match rate " + rate + " < " + MIN_MATCH_RATE);
  }

  private static Outcome render(JinjaRenderer renderer, String template, Map<String, Object> doc) {
    try {
      return new Outcome(renderer.render(template, doc), null, null);
    } catch (JinjaTemplateException e) {
      return new Outcome(null, e.errorType(), e.detail());
    } catch (RuntimeException e) {
      return new Outcome(null, "Java:" + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
    }
  }

  private static BufferedReader corpus() throws IOException {
    InputStream raw = JinjaCorpusTest.class.getResourceAsStream("/jinja-corpus/corpus.jsonl.gz");
    if (raw == null) {
      throw new IOException("jinja-corpus/corpus.jsonl.gz is missing; run tools/jinja/make_corpus.py");
    }
    return new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
  }

  /** {@code <case id> <reason>} lines; '#' starts a comment. */
  private static Map<String, String> knownMismatches() throws IOException {
    Map<String, String> known = new LinkedHashMap<>();
    InputStream raw = JinjaCorpusTest.class.getResourceAsStream("/jinja-corpus/known-mismatches.txt");
    if (raw == null) {
      return known;
    }
    try (BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int space = line.indexOf(' ');
        known.put(space < 0 ? line : line.substring(0, space), space < 0 ? "" : line.substring(space + 1));
      }
    }
    return known;
  }

  private static String quote(String s) {
    String q = s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
    return "\"" + (q.length() > 300 ? q.substring(0, 300) + "..." : q) + "\"";
  }
}
