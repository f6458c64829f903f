package org.lmeval.plugin.djl.hf;

import java.util.List;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/**
 * Token rows right-padded into one {@code batch x seq} block, as every engine's forward pass feeds them:
 * {@code input_ids} (padding 0), {@code attention_mask} (1 for real tokens) and {@code position_ids}, each
 * row-major.
 *
 * @param batch the number of rows
 * @param seq the longest row's length
 * @param ids the token ids
 * @param mask the attention mask
 * @param positions the positions 0..seq-1 of every row
 */
public record PaddedBatch(int batch, int seq, long[] ids, long[] mask, long[] positions) {

  /**
   * Pads {@code rows}; a token id outside {@code [0, vocabSize)} is an error saying the tokenizer does not
   * match the weights.
   */
  public static PaddedBatch of(List<int[]> rows, int vocabSize) {
    int batch = rows.size();
    int seq = 0;
    for (int[] row : rows) {
      seq = Math.max(seq, row.length);
      for (int id : row) {
        if (id < 0 || id >= vocabSize) {
          throw new EvalException(ErrorCode.INVALID_ARGUMENT, "token id " + id + " is outside the model's vocabulary"
              + " of " + vocabSize + " entries: the tokenizer does not match the weights");
        }
      }
    }
    long[] ids = new long[batch * seq];
    long[] mask = new long[batch * seq];
    long[] positions = new long[batch * seq];
    for (int r = 0; r < batch; r++) {
      int[] row = rows.get(r);
      for (int t = 0; t < seq; t++) {
        int at = r * seq + t;
        ids[at] = t < row.length ? row[t] : 0;
        mask[at] = t < row.length ? 1 : 0;
        positions[at] = t;
      }
    }
    return new PaddedBatch(batch, seq, ids, mask, positions);
  }
}
