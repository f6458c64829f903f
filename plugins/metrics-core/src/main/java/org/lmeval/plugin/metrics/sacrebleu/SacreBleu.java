package org.lmeval.plugin.metrics.sacrebleu;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.lmeval.api.support.PythonStrings;

/**
 * sacrebleu's corpus-level {@code corpus_bleu}, {@code corpus_chrf} and {@code corpus_ter} with default
 * arguments: per-segment statistics of each hypothesis against its references, summed over the corpus.
 * {@code refs.get(i)} are the references of hypothesis {@code i}.
 */
public final class SacreBleu {
  private static final UnaryOperator<String> TOKENIZER_13A = new Tokenizer13a();
  private static final UnaryOperator<String> TOKENIZER_INTL = new TokenizerIntl();

  private SacreBleu() {}

  /** BLEU statistics of one segment with the {@code 13a} tokenizer. */
  public static long[] bleuSegment(String hyp, List<String> refs) {
    return bleuSegment(hyp, refs, TOKENIZER_13A);
  }

  /** BLEU statistics of one segment with the {@code intl} tokenizer (truthfulqa's sentence BLEU). */
  public static long[] bleuSegmentIntl(String hyp, List<String> refs) {
    return bleuSegment(hyp, refs, TOKENIZER_INTL);
  }

  private static long[] bleuSegment(String hyp, List<String> refs, UnaryOperator<String> tokenizer) {
    List<List<String>> refTokens = new ArrayList<>(refs.size());
    for (String r : refs) {
      refTokens.add(bleuTokens(r, tokenizer));
    }
    return BleuStatistics.segment(bleuTokens(hyp, tokenizer), refTokens);
  }

  private static List<String> bleuTokens(String sentence, UnaryOperator<String> tokenizer) {
    return PythonStrings.split(tokenizer.apply(PythonStrings.rstrip(sentence)));
  }

  /** {@code corpus_bleu(hyps, refs).score}. */
  public static double bleu(List<String> hyps, List<List<String>> refs) {
    List<long[]> stats = new ArrayList<>(hyps.size());
    for (int i = 0; i < hyps.size(); i++) {
      stats.add(bleuSegment(hyps.get(i), refs.get(i)));
    }
    return BleuStatistics.score(BleuStatistics.sum(stats));
  }

  /** chrF statistics of one segment (whitespace removed, character n-grams up to 6). */
  public static long[] chrfSegment(String hyp, List<String> refs) {
    List<String> stripped = new ArrayList<>(refs.size());
    for (String r : refs) {
      stripped.add(withoutWhitespace(r));
    }
    return ChrfStatistics.segment(withoutWhitespace(hyp), stripped);
  }

  private static String withoutWhitespace(String s) {
    return String.join("", PythonStrings.split(s));
  }

  /** {@code corpus_chrf(hyps, refs).score}. */
  public static double chrf(List<String> hyps, List<List<String>> refs) {
    List<long[]> stats = new ArrayList<>(hyps.size());
    for (int i = 0; i < hyps.size(); i++) {
      stats.add(chrfSegment(hyps.get(i), refs.get(i)));
    }
    return ChrfStatistics.fScore(ChrfStatistics.sum(stats));
  }

  /** TER statistics of one segment: {@code [fewest edits over the references, mean reference length]}. */
  public static double[] terSegment(String hyp, List<String> refs) {
    List<String> hypWords = terTokens(hyp);
    double refLengths = 0;
    long bestEdits = 10_000_000_000_000_000L;
    for (String ref : refs) {
      TranslationEditRate.Edits e = TranslationEditRate.compute(hypWords, terTokens(ref));
      refLengths += e.referenceLength();
      bestEdits = Math.min(bestEdits, e.edits());
    }
    return new double[] {bestEdits, refLengths / refs.size()};
  }

  /** TER's default preprocessing: right-strip, lower-case, split on whitespace. */
  private static List<String> terTokens(String sentence) {
    return PythonStrings.split(PythonStrings.lower(PythonStrings.rstrip(sentence)));
  }

  /** The TER score (0-100) of summed {@code [edits, reference length]} statistics. */
  public static double terScore(double edits, double refLength) {
    double score;
    if (refLength > 0) {
      score = edits / refLength;
    } else if (edits > 0) {
      score = 1.0;
    } else {
      score = 0.0;
    }
    return 100 * score;
  }

  /** {@code corpus_ter(hyps, refs).score}. */
  public static double ter(List<String> hyps, List<List<String>> refs) {
    double edits = 0;
    double refLength = 0;
    for (int i = 0; i < hyps.size(); i++) {
      double[] s = terSegment(hyps.get(i), refs.get(i));
      edits += s[0];
      refLength += s[1];
    }
    return terScore(edits, refLength);
  }
}
