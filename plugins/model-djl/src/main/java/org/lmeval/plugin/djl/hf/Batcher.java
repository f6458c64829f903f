package org.lmeval.plugin.djl.hf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/**
 * Cuts sorted rows into forward batches: fixed size, or lm-eval's auto detection (start at
 * {@code max_batch_size}, halve while a forward pass of that many rows of the longest length fails with an
 * engine failure or out-of-memory).
 */
final class Batcher {
  private final BatchSize size;
  private final CausalLm lm;
  private final Map<Integer, Integer> detectedByLength = new HashMap<>();

  Batcher(BatchSize size, CausalLm lm) {
    this.size = size;
    this.lm = lm;
  }

  /** Consecutive [start, end) ranges over {@code rows}, which are sorted longest first. */
  List<int[]> ranges(List<int[]> rows) {
    List<int[]> out = new ArrayList<>();
    int n = rows.size();
    if (!size.auto()) {
      for (int start = 0; start < n; start += size.fixed()) {
        out.add(new int[] {start, Math.min(n, start + size.fixed())});
      }
      return out;
    }
    int span = Math.max(1, n / size.schedule());
    Map<Integer, Integer> bySchedule = new HashMap<>();
    int pos = 0;
    while (pos < n) {
      int sched = pos / span;
      final int at = pos;
      int batch = bySchedule.computeIfAbsent(sched, s -> {
        Integer previous = bySchedule.get(s - 1);
        return previous != null && previous == size.max() ? size.max() : detect(rows.get(at).length);
      });
      out.add(new int[] {pos, Math.min(n, pos + batch)});
      pos += batch;
    }
    return out;
  }

  /** The largest batch (from max_batch_size, halving) whose forward pass of {@code length} tokens succeeds. */
  int detect(int length) {
    return detectedByLength.computeIfAbsent(length, len -> {
      for (int b = size.max(); b >= 1; b /= 2) {
        List<int[]> probe = new ArrayList<>(b);
        int[] row = new int[Math.max(1, len)];
        Arrays.fill(row, 1);
        for (int i = 0; i < b; i++) {
          probe.add(row);
        }
        try {
          lm.forward(probe, logits -> logits.vocab());
          return b;
        } catch (OutOfMemoryError e) {
          // lm-eval halves on out-of-memory; try a smaller batch
        } catch (EvalException e) {
          if (e.code() != ErrorCode.BACKEND_FAILURE) {
            throw e;
          }
          // the engine failed (native allocation); try a smaller batch
        }
      }
      return 1;
    });
  }
}
