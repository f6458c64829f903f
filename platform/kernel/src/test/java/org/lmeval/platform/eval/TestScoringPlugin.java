package org.lmeval.platform.eval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lmeval.api.Options;
import org.lmeval.api.Plugin;
import org.lmeval.api.filter.Filter;
import org.lmeval.api.filter.FilterFactory;
import org.lmeval.api.metric.Aggregation;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.MetricFactory;
import org.lmeval.api.metric.Sample;
import org.lmeval.api.metric.Score;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.platform.Kernel;
import org.lmeval.platform.KernelConfig;
import org.lmeval.platform.python.PythonTuple;

/**
 * Small, test-only versions of lm-eval's metrics, aggregations and filters, enough to replay the
 * fixtures: the real ones live in plugins/metrics-core and plugins/filters-core.
 */
public final class TestScoringPlugin implements Plugin {
  /** How often the "counting" aggregation ran (the bleu bootstrap-cap test). */
  static final java.util.concurrent.atomic.AtomicInteger COUNTING_CALLS = new java.util.concurrent.atomic.AtomicInteger();

  /** A kernel with this plugin only. */
  public static Kernel kernel() {
    return Kernel.start(new KernelConfig(null, false, List.of(new TestScoringPlugin()), false, false, null));
  }

  @Override
  public Collection<MetricFactory> metrics() {
    return List.of(
        metric("acc", true, "mean", o -> perSample(s -> s.choices().isEmpty()
            ? Score.of(s.loglikelihoods().get(0).greedy() ? 1 : 0)
            : Score.of(hit(argmax(s, Norm.NONE), s.target()) ? 1.0 : 0.0),
            (s, sc) -> s.choices().isEmpty() ? (Object) (int) sc.value() : sc.value())),
        metric("acc_norm", true, "mean", o -> perSample(s -> Score.of(hit(argmax(s, Norm.CHARS), s.target()) ? 1.0 : 0.0),
            (s, sc) -> sc.value())),
        metric("exact_match", true, "mean", TestScoringPlugin::exactMatch),
        metric("perplexity", false, "perplexity", o -> perSample(s -> Score.of(s.loglikelihoods().get(0).logprob()),
            (s, sc) -> sc.value())),
        metric("word_perplexity", false, "weighted_perplexity",
            o -> perSample(s -> new Score(s.rollingLogprob().getAsDouble(), words((String) s.target())),
                (s, sc) -> List.of(sc.value(), (int) sc.weight()))),
        metric("byte_perplexity", false, "weighted_perplexity",
            o -> perSample(s -> new Score(s.rollingLogprob().getAsDouble(), bytes((String) s.target())),
                (s, sc) -> List.of(sc.value(), (int) sc.weight()))),
        metric("bits_per_byte", false, "bits_per_byte",
            o -> perSample(s -> new Score(s.rollingLogprob().getAsDouble(), bytes((String) s.target())),
                (s, sc) -> List.of(sc.value(), (int) sc.weight()))),
        metric("f1", true, "f1", o -> new F1()),
        metric("bleu", true, "counting", o -> perSample(s -> Score.of(1.0), (s, sc) -> sc.value())),
        metric("closed_form_corpus", true, "none", o -> new Metric.Corpus() {
          @Override
          public double score(List<Sample> samples) {
            return samples.size();
          }

          @Override
          public java.util.OptionalDouble stderr(List<Sample> samples) {
            return java.util.OptionalDouble.of(0.125);
          }
        }),
        metric("capped_corpus", true, "none", o -> new Metric.Corpus() {
          @Override
          public double score(List<Sample> samples) {
            return samples.size();
          }

          @Override
          public int maxBootstrapIters() {
            return 0;
          }
        }));
  }

  @Override
  public Collection<Aggregation> aggregations() {
    return List.of(
        aggregation("mean", Aggregation.StderrMethod.MEAN, TestScoringPlugin::mean),
        aggregation("counting", Aggregation.StderrMethod.BOOTSTRAP, s -> COUNTING_CALLS.incrementAndGet()),
        aggregation("median", Aggregation.StderrMethod.BOOTSTRAP, s -> {
          double[] v = s.stream().mapToDouble(Score::value).sorted().toArray();
          return v[v.length / 2];
        }),
        aggregation("perplexity", Aggregation.StderrMethod.BOOTSTRAP, s -> Math.exp(-mean(s))),
        aggregation("weighted_perplexity", Aggregation.StderrMethod.NONE, s -> Math.exp(-weightedMean(s))),
        aggregation("bits_per_byte", Aggregation.StderrMethod.NONE, s -> -weightedMean(s) / Math.log(2)));
  }

  @Override
  public Collection<FilterFactory> filters() {
    return List.of(
        filter("take_first", o -> (rs, docs) -> rs.stream().map(r -> ((List<?>) r).get(0)).map(x -> (Object) x).toList()),
        filter("drop_all", o -> (rs, docs) -> List.of()),
        filter("take_first_k", o -> {
          int k = o.intValue("k").orElseThrow();
          return (rs, docs) -> rs.stream().map(r -> (Object) new ArrayList<>(((List<?>) r).subList(0, k))).toList();
        }),
        filter("majority_vote", o -> (rs, docs) -> rs.stream().map(r -> {
          Map<Object, Integer> counts = new LinkedHashMap<>();
          for (Object x : (List<?>) r) {
            counts.merge(x, 1, Integer::sum);
          }
          Object best = null;
          int n = 0;
          for (Map.Entry<Object, Integer> e : counts.entrySet()) {
            if (e.getValue() > n) {
              best = e.getKey();
              n = e.getValue();
            }
          }
          return (Object) new ArrayList<>(java.util.Collections.singletonList(best));
        }).toList()),
        filter("regex", o -> {
          Pattern p = Pattern.compile(o.string("regex_pattern", "#### (\\-?[0-9\\.\\,]+)"));
          int groupSelect = o.intValue("group_select", 0);
          String fallback = o.string("fallback", "[invalid]");
          return (rs, docs) -> rs.stream().map(r -> {
            List<Object> out = new ArrayList<>();
            for (Object x : (List<?>) r) {
              List<String> found = new ArrayList<>();
              Matcher m = p.matcher(x instanceof String str ? str : "");
              while (m.find()) {
                found.add(m.groupCount() == 0 ? m.group() : m.group(1));
              }
              if (found.isEmpty()) {
                out.add(fallback);
              } else {
                int i = groupSelect < 0 ? found.size() + groupSelect : groupSelect;
                out.add(found.get(i).strip());
              }
            }
            return (Object) out;
          }).toList();
        }));
  }

  // ------------------------------------------------------------------------------------------ helpers

  private enum Norm { NONE, CHARS }

  private static int argmax(Sample s, Norm norm) {
    int best = 0;
    double bestValue = Double.NEGATIVE_INFINITY;
    List<LoglikelihoodResult> lls = s.loglikelihoods();
    for (int i = 0; i < s.choices().size(); i++) {
      double v = lls.get(i).logprob();
      if (norm == Norm.CHARS) {
        String c = s.choices().get(i);
        v = v / c.codePointCount(0, c.length());
      }
      if (v > bestValue || Double.isNaN(v) && !Double.isNaN(bestValue)) {
        best = i;
        bestValue = v;
      }
    }
    return best;
  }

  private static boolean hit(int pred, Object gold) {
    if (gold instanceof List<?> l) {
      return l.contains(pred);
    }
    return gold instanceof Number n && n.intValue() == pred;
  }

  private static Metric exactMatch(Options o) {
    List<Object> regexes = o.list("regexes_to_ignore");
    boolean ignoreCase = o.bool("ignore_case", false);
    boolean ignorePunctuation = o.bool("ignore_punctuation", false);
    boolean ignoreNumbers = o.bool("ignore_numbers", false);
    return perSample(s -> {
      if (!s.choices().isEmpty() && s.target() instanceof Integer gold) {
        return Score.of(gold >= 0 && s.loglikelihoods().get(gold).greedy() ? 1 : 0);
      }
      String pred = normalize(String.valueOf(s.response()), regexes, ignoreCase, ignorePunctuation, ignoreNumbers);
      String ref = normalize(String.valueOf(s.target()), regexes, ignoreCase, ignorePunctuation, ignoreNumbers);
      return Score.of(pred.equals(ref) ? 1.0 : 0.0);
    }, (s, sc) -> !s.choices().isEmpty() && s.target() instanceof Integer ? (Object) (int) sc.value() : sc.value());
  }

  private static String normalize(String s, List<Object> regexes, boolean ignoreCase, boolean ignorePunctuation,
      boolean ignoreNumbers) {
    for (Object r : regexes) {
      s = Pattern.compile((String) r).matcher(s).replaceAll("");
    }
    if (ignoreCase) {
      s = s.toLowerCase(java.util.Locale.ROOT);
    }
    if (ignorePunctuation) {
      s = s.replaceAll("[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]", "");
    }
    if (ignoreNumbers) {
      s = s.replaceAll("[0-9]", "");
    }
    return s;
  }

  private static int words(String text) {
    return Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS).split(text, -1).length;
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  static double mean(List<Score> s) {
    double acc = 0;
    for (Score x : s) {
      acc += x.value();
    }
    return acc / s.size();
  }

  private static double weightedMean(List<Score> s) {
    double a = 0;
    double b = 0;
    for (Score x : s) {
      a += x.value();
      b += x.weight();
    }
    return a / b;
  }

  /** sklearn's binary f1: 2 tp / (true_sum + pred_sum), 0 when undefined. */
  private static final class F1 implements Metric.Corpus {
    @Override
    public double score(List<Sample> samples) {
      long tp = 0;
      long trueSum = 0;
      long predSum = 0;
      for (Sample s : samples) {
        int gold = ((Number) s.target()).intValue();
        int pred = argmax(s, Norm.NONE);
        tp += gold == 1 && pred == 1 ? 1 : 0;
        trueSum += gold == 1 ? 1 : 0;
        predSum += pred == 1 ? 1 : 0;
      }
      double denom = 1.0 * trueSum + predSum;
      return denom == 0 ? 0.0 : 2.0 * tp / denom;
    }

    @Override
    public Object sampleItem(Sample sample) {
      return PythonTuple.of(sample.target(), argmax(sample, Norm.NONE));
    }
  }

  interface Scoring {
    Score score(Sample s);
  }

  interface Item {
    Object item(Sample s, Score score);
  }

  private static Metric perSample(Scoring scoring, Item item) {
    return new Metric.PerSample() {
      @Override
      public Score score(Sample sample) {
        return scoring.score(sample);
      }

      @Override
      public Object sampleItem(Sample sample, Score score) {
        return item.item(sample, score);
      }
    };
  }

  private static MetricFactory metric(String name, boolean higherIsBetter, String aggregation,
      java.util.function.Function<Options, Metric> create) {
    return new MetricFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean higherIsBetter() {
        return higherIsBetter;
      }

      @Override
      public String defaultAggregation() {
        return aggregation;
      }

      @Override
      public Metric create(Options kwargs) {
        return create.apply(kwargs);
      }
    };
  }

  private static Aggregation aggregation(String name, Aggregation.StderrMethod method,
      java.util.function.ToDoubleFunction<List<Score>> f) {
    return new Aggregation() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public double aggregate(List<Score> scores) {
        return f.applyAsDouble(scores);
      }

      @Override
      public StderrMethod stderr() {
        return method;
      }
    };
  }

  private static FilterFactory filter(String name, java.util.function.Function<Options, Filter> create) {
    return new FilterFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Filter create(Options kwargs) {
        return create.apply(kwargs);
      }
    };
  }
}
