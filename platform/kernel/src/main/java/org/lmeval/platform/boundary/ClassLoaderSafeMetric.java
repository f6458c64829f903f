package org.lmeval.platform.boundary;

import java.util.List;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.Sample;
import org.lmeval.api.metric.Score;

/**
 * Configured metrics behind the boundary. {@link Metric} is sealed, so there is one wrapper per kind:
 * {@link PerSample} (a null score is an error) and {@link Corpus}.
 */
public final class ClassLoaderSafeMetric {
  private ClassLoaderSafeMetric() {}

  /** Wraps a metric of either kind; {@code component} names it in messages ("metric 'acc'"). */
  public static Metric wrap(Metric metric, String component, Boundary boundary) {
    if (metric instanceof Metric.PerSample p) {
      return new PerSample(p, component, boundary);
    }
    return new Corpus((Metric.Corpus) metric, component, boundary);
  }

  /** A per-sample metric behind the boundary. */
  public static final class PerSample implements Metric.PerSample {
    private final Metric.PerSample delegate;
    private final String component;
    private final Boundary boundary;

    PerSample(Metric.PerSample delegate, String component, Boundary boundary) {
      this.delegate = delegate;
      this.component = component;
      this.boundary = boundary;
    }

    @Override
    public Score score(Sample sample) {
      Score score = boundary.call(component, "score(sample)", ErrorCode.BACKEND_FAILURE,
          () -> delegate.score(sample));
      return ResultValidator.notNull(boundary, component, "score(sample)", ErrorCode.BACKEND_FAILURE, score,
          "the score");
    }

    @Override
    public Object sampleItem(Sample sample, Score score) {
      return boundary.call(component, "sampleItem(sample, score)", ErrorCode.BACKEND_FAILURE,
          () -> delegate.sampleItem(sample, score));
    }

    @Override
    public String toString() {
      return boundary.describe(component);
    }
  }

  /** A corpus metric behind the boundary. */
  public static final class Corpus implements Metric.Corpus {
    private final Metric.Corpus delegate;
    private final String component;
    private final Boundary boundary;

    Corpus(Metric.Corpus delegate, String component, Boundary boundary) {
      this.delegate = delegate;
      this.component = component;
      this.boundary = boundary;
    }

    @Override
    public double score(List<Sample> samples) {
      return boundary.call(component, "score(" + samples.size() + " samples)", ErrorCode.BACKEND_FAILURE,
          () -> delegate.score(samples));
    }

    @Override
    public Object sampleItem(Sample sample) {
      return boundary.call(component, "sampleItem(sample)", ErrorCode.BACKEND_FAILURE,
          () -> delegate.sampleItem(sample));
    }

    @Override
    public java.util.OptionalDouble stderr(List<Sample> samples) {
      java.util.OptionalDouble stderr = boundary.call(component, "stderr(" + samples.size() + " samples)",
          ErrorCode.BACKEND_FAILURE, () -> delegate.stderr(samples));
      return ResultValidator.notNull(boundary, component, "stderr(samples)", ErrorCode.BACKEND_FAILURE, stderr,
          "the stderr");
    }

    @Override
    public int maxBootstrapIters() {
      return boundary.call(component, "maxBootstrapIters()", ErrorCode.BACKEND_FAILURE,
          delegate::maxBootstrapIters);
    }

    @Override
    public String toString() {
      return boundary.describe(component);
    }
  }
}
