package org.lmeval.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;

/** The contract fails models that break it: each check can fail. */
class LanguageModelContractSelfTest {
  /** A model that delegates to the fake one and then breaks one rule. */
  private static class Broken implements LanguageModel {
    final FakeLanguageModel fake = new FakeLanguageModel();

    public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
      return fake.loglikelihood(batch);
    }

    public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
      return fake.loglikelihoodRolling(batch);
    }

    public List<String> generateUntil(List<GenerationRequest> batch) {
      return fake.generateUntil(batch);
    }
  }

  private static LanguageModelContract contractFor(LanguageModel model) {
    LanguageModelContract contract = new LanguageModelContract() {
      @Override
      protected LanguageModel createModel() {
        return model;
      }
    };
    contract.openModel();
    return contract;
  }

  private static void assertFails(LanguageModel model, Consumer<LanguageModelContract> check, String expected) {
    AssertionError e = assertThrows(AssertionError.class, () -> check.accept(contractFor(model)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void droppedResultFails() {
    assertFails(new Broken() {
      public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
        List<LoglikelihoodResult> r = new ArrayList<>(super.loglikelihood(batch));
        r.remove(r.size() - 1);
        return r;
      }
    }, LanguageModelContract::loglikelihoodResultsMatchTheBatch, "results MUST have the batch's size");
  }

  @Test
  void positiveLogprobFails() {
    assertFails(new Broken() {
      public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
        return batch.stream().map(r -> new LoglikelihoodResult(0.1, false)).toList();
      }
    }, LanguageModelContract::loglikelihoodAcceptsAnEmptyContext, "MUST be <= 0");
  }

  @Test
  void infiniteLogprobFails() {
    assertFails(new Broken() {
      public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
        return batch.stream().map(r -> new RollingResult(Double.NEGATIVE_INFINITY)).toList();
      }
    }, LanguageModelContract::rollingResultsMatchTheBatchAndItsOrder, "MUST be finite");
  }

  @Test
  void resultsInSortedInsteadOfBatchOrderFail() {
    assertFails(new Broken() {
      public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
        List<LoglikelihoodRequest> sorted = new ArrayList<>(batch);
        sorted.sort((a, b) -> a.context().compareTo(b.context()));
        return fake.loglikelihood(sorted);
      }
    }, LanguageModelContract::loglikelihoodIsIndependentOfBatchOrderAndComposition, "in a reversed batch");
  }

  @Test
  void flippingGreedyFlagFails() {
    assertFails(new Broken() {
      boolean flip;

      public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
        flip = !flip;
        return batch.stream().map(r -> new LoglikelihoodResult(-1, flip)).toList();
      }
    }, LanguageModelContract::loglikelihoodIsDeterministicIncludingTheGreedyFlag, "greedy flag");
  }

  @Test
  void ignoredStopSequenceFails() {
    assertFails(new Broken() {
      public List<String> generateUntil(List<GenerationRequest> batch) {
        return batch.stream().map(r -> "answer\n\nQuestion: more").toList();
      }
    }, LanguageModelContract::generationsMatchTheBatchAndStopAtStopSequences, "contains the stop sequence");
  }

  @Test
  void nullGenerationFails() {
    assertFails(new Broken() {
      public List<String> generateUntil(List<GenerationRequest> batch) {
        List<String> r = new ArrayList<>(super.generateUntil(batch));
        r.set(0, null);
        return r;
      }
    }, LanguageModelContract::generationsMatchTheBatchAndStopAtStopSequences, "MUST NOT be null");
  }

  @Test
  void answeringAnUnsupportedTypeFails() {
    assertFails(new Broken() {
      public Set<RequestType> supportedRequests() {
        return EnumSet.of(RequestType.LOGLIKELIHOOD);
      }
    }, LanguageModelContract::unsupportedRequestTypesAreRefusedWithUnsupportedRequest,
        "is not in supportedRequests() but the model answered");
  }

  @Test
  void refusingWithTheWrongExceptionFails() {
    assertFails(new Broken() {
      public Set<RequestType> supportedRequests() {
        return EnumSet.of(RequestType.LOGLIKELIHOOD, RequestType.LOGLIKELIHOOD_ROLLING);
      }

      public List<String> generateUntil(List<GenerationRequest> batch) {
        throw new UnsupportedOperationException("no");
      }
    }, LanguageModelContract::unsupportedRequestTypesAreRefusedWithUnsupportedRequest,
        "MUST throw EvalException(UNSUPPORTED_REQUEST), not java.lang.UnsupportedOperationException");
  }

  @Test
  void zeroBatchSizeFails() {
    assertFails(new Broken() {
      public int preferredBatchSize() {
        return 0;
      }
    }, LanguageModelContract::preferredBatchSizeIsPositive, "MUST be at least 1");
  }
}
