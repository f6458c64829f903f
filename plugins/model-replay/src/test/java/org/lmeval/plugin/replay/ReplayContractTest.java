package org.lmeval.plugin.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lmeval.api.Options;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.testkit.LanguageModelContract;

/** The testkit's model contract, on a replay of a log holding the contract's own requests. */
class ReplayContractTest extends LanguageModelContract {
  @Override
  protected LanguageModel createModel() {
    try {
      Path dir = Files.createTempDirectory("replay-contract");
      List<String> lines = new ArrayList<>();
      List<LoglikelihoodRequest> ll = new ArrayList<>(loglikelihoodRequests());
      ll.add(new LoglikelihoodRequest("", " hello"));
      ll.add(new LoglikelihoodRequest("", "world"));
      for (int i = 0; i < ll.size(); i++) {
        lines.add(SamplesFiles.loglikelihoodRecord(i, List.<String[]>of(new String[] {ll.get(i).context(),
            ll.get(i).continuation(), Double.toString(-1.5 - i), i % 2 == 0 ? "True" : "False"})));
      }
      List<RollingRequest> rolling = rollingRequests();
      for (int i = 0; i < rolling.size(); i++) {
        lines.add(SamplesFiles.rollingRecord(i, rolling.get(i).text(), "-" + (10 + i) + ".25"));
      }
      List<GenerationRequest> gen = generationRequests();
      for (int i = 0; i < gen.size(); i++) {
        lines.add(SamplesFiles.generationRecord(i, gen.get(i).context(),
            "{\"until\": [\"\\n\\n\", \"Question:\"], \"max_gen_toks\": 16, \"do_sample\": false}",
            List.of(" answer " + i)));
      }
      SamplesFiles.write(dir.resolve("run/model"), "samples_contract_2026-01-01T00-00-00.000000.jsonl", lines);
      return new ReplayModelBackend().open(Options.of("model arg", Map.of("path", dir.toString())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
