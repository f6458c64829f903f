package org.lmeval.platform.eval;

/**
 * Receives each sample record as soon as it is scored ({@code --log_samples}): one per document per
 * filter set, in lm-eval's order (filter sets in {@code filter_list} order, documents in order within a
 * set). Implementations stream them (the samples JSONL writer) rather than keep them.
 */
@FunctionalInterface
public interface SampleSink {
  void accept(String taskName, SampleRecord record);
}
