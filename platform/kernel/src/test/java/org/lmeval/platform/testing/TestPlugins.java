package org.lmeval.platform.testing;

/** Java sources of small plugins for the on-the-fly jars. */
public final class TestPlugins {
  private TestPlugins() {}

  /**
   * A plugin {@code <pkg>.<cls>} with one model backend {@code model} and one metric {@code metric} (or none if
   * null). The model scores a continuation at minus its length, greedy when it is short; its generations report
   * the TCCL and which kernel libraries the plugin can see.
   */
  public static String modelPlugin(String pkg, String cls, String model, String metric) {
    String metrics = metric == null ? "" : """
          @Override
          public Collection<MetricFactory> metrics() {
            return List.of(new MetricFactory() {
              public String name() { return "%s"; }
              public boolean higherIsBetter() { return true; }
              public String defaultAggregation() { return "mean"; }
              public Metric create(Options kwargs) {
                return (Metric.PerSample) sample -> Score.of(1.0);
              }
            });
          }
        """.formatted(metric);
    return """
        package %1$s;

        import java.util.*;
        import org.lmeval.api.*;
        import org.lmeval.api.metric.*;
        import org.lmeval.api.model.*;

        public class %2$s implements Plugin {
          static boolean sees(String className) {
            try {
              Class.forName(className, false, %2$s.class.getClassLoader());
              return true;
            } catch (ClassNotFoundException e) {
              return false;
            }
          }

          @Override
          public Collection<ModelBackend> modelBackends() {
            return List.of(new ModelBackend() {
              public String name() { return "%3$s"; }
              public LanguageModel open(Options args) {
                String pretrained = args.string("pretrained", "none");
                ClassLoader openTccl = Thread.currentThread().getContextClassLoader();
                return new LanguageModel() {
                  public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
                    List<LoglikelihoodResult> out = new ArrayList<>();
                    for (LoglikelihoodRequest r : batch) {
                      out.add(new LoglikelihoodResult(-r.continuation().length(), r.continuation().length() < 3));
                    }
                    return out;
                  }
                  public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
                    List<RollingResult> out = new ArrayList<>();
                    for (RollingRequest r : batch) {
                      out.add(new RollingResult(-r.text().length()));
                    }
                    return out;
                  }
                  public List<String> generateUntil(List<GenerationRequest> batch) {
                    List<String> out = new ArrayList<>();
                    for (GenerationRequest r : batch) {
                      out.add("pretrained=" + pretrained
                          + " tccl=" + (Thread.currentThread().getContextClassLoader() == %2$s.class.getClassLoader())
                          + " openTccl=" + (openTccl == %2$s.class.getClassLoader())
                          + " jackson=" + sees("com.fasterxml.jackson.databind.ObjectMapper")
                          + " snakeyaml=" + sees("org.yaml.snakeyaml.Yaml")
                          + " kernel=" + sees("org.lmeval.platform.Kernel")
                          + " api=" + sees("org.lmeval.api.Options"));
                    }
                    return out;
                  }
                };
              }
            });
          }
        %4$s
        }
        """.formatted(pkg, cls, model, metrics);
  }

  /** A plugin whose constructor throws {@code IllegalStateException("boom in constructor")}. */
  public static String throwingConstructor(String pkg, String cls) {
    return """
        package %1$s;

        public class %2$s implements org.lmeval.api.Plugin {
          public %2$s() {
            throw new IllegalStateException("boom in constructor");
          }
        }
        """.formatted(pkg, cls);
  }
}
