package org.lmeval.plugin.metrics.sacrebleu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TranslationEditRateTest {
  @Test
  void aShiftCountsAsOneEdit() {
    // moving "the cat" to the front is one shift; no other edit is needed
    var e = TranslationEditRate.compute(List.of("sat", "the", "cat"), List.of("the", "cat", "sat"));
    assertEquals(1, e.edits());
    assertEquals(3, e.referenceLength());
  }

  @Test
  void emptyReferenceCostsEveryHypothesisWord() {
    var e = TranslationEditRate.compute(List.of("a", "b"), List.of());
    assertEquals(2, e.edits());
    assertEquals(0, e.referenceLength());
  }

  @Test
  void substitutionsInsertionsDeletions() {
    assertEquals(0, TranslationEditRate.compute(List.of("a", "b"), List.of("a", "b")).edits());
    assertEquals(1, TranslationEditRate.compute(List.of("a", "x"), List.of("a", "b")).edits());
    assertEquals(2, TranslationEditRate.compute(List.of(), List.of("a", "b")).edits());
    assertEquals(1, TranslationEditRate.compute(List.of("a", "b", "c"), List.of("a", "c")).edits());
  }

  @Test
  void performShiftMatchesPythonSlicing() {
    List<String> w = List.of("a", "b", "c", "d", "e");
    assertEquals(List.of("d", "a", "b", "c", "e"), TranslationEditRate.performShift(w, 3, 1, 0));
    assertEquals(List.of("b", "c", "a", "d", "e"), TranslationEditRate.performShift(w, 0, 1, 3));
    assertEquals(List.of("c", "a", "b", "d", "e"), TranslationEditRate.performShift(w, 0, 2, 1));
  }
}
