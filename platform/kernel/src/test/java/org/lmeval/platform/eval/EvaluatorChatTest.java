package org.lmeval.platform.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.Plugin;
import org.lmeval.api.dataset.DatasetProvider;
import org.lmeval.api.dataset.DatasetRequest;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.ModelBackend;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;
import org.lmeval.platform.plugin.Origin;
import org.lmeval.platform.plugin.PluginRegistry;
import org.lmeval.platform.results.Hashing;
import org.lmeval.platform.task.DirectoryTaskSource;

/**
 * A run with {@code --apply_chat_template}: the model is opened before the tasks are built, its template renders
 * the contexts it receives, and the results carry lm-eval's tracker fields ({@code chat_template},
 * {@code chat_template_sha}, {@code fewshot_as_multiturn}, {@code system_instruction}, {@code _sha}).
 */
class EvaluatorChatTest {
  private static final String TEMPLATE = "{% for m in messages %}<{{ m['role'] }}>{{ m['content'] }}\n{% endfor %}"
      + "{% if add_generation_prompt %}<assistant>{% endif %}";

  @TempDir
  Path dir;

  private final List<String> contexts = new ArrayList<>();

  private final class ChatModel implements LanguageModel {
    @Override
    public Optional<String> chatTemplate(String name) {
      return Optional.of(TEMPLATE);
    }

    @Override
    public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
      batch.forEach(r -> contexts.add(r.context()));
      return batch.stream().map(r -> new LoglikelihoodResult(-1.0, false)).toList();
    }

    @Override
    public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
      throw new AssertionError("not used");
    }

    @Override
    public List<String> generateUntil(List<GenerationRequest> batch) {
      throw new AssertionError("not used");
    }
  }

  private PluginRegistry registry() throws IOException {
    Files.writeString(dir.resolve("tasks/tiny.yaml"), "task: tiny\ndataset_path: mem\ntest_split: test\n"
        + "output_type: multiple_choice\ndoc_to_text: '{{question}}'\ndoc_to_choice: ['A', 'B']\n"
        + "doc_to_target: answer\n");
    PluginRegistry reg = new PluginRegistry(List::of);
    reg.install(new TestScoringPlugin(), new Origin("scoring", "", "test"));
    reg.install(new Plugin() {
      @Override
      public Collection<ModelBackend> modelBackends() {
        return List.of(new ModelBackend() {
          @Override
          public String name() {
            return "chat-test";
          }

          @Override
          public LanguageModel open(Options modelArgs) {
            return new ChatModel();
          }
        });
      }

      @Override
      public Collection<DatasetProvider> datasetProviders() {
        return List.of(new DatasetProvider() {
          @Override
          public String name() {
            return "mem";
          }

          @Override
          public Optional<List<Map<String, Object>>> load(DatasetRequest r) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
              Map<String, Object> d = new LinkedHashMap<>();
              d.put("question", "Q" + i + "?");
              d.put("answer", i);
              docs.add(d);
            }
            return Optional.of(docs);
          }
        });
      }
    }, new Origin("test", "", "test"));
    reg.addTaskSource(new DirectoryTaskSource(dir.resolve("tasks")));
    reg.freeze();
    return reg;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> run(EvalSettings.Builder settings) throws IOException {
    Files.createDirectories(dir.resolve("tasks"));
    Path out = dir.resolve("out" + contexts.size());
    new Evaluator(registry()).evaluate(settings.model("chat-test").tasks(List.of("tiny")).outputPath(out)
        .bootstrapIters(0).build());
    try (Stream<Path> files = Files.walk(out)) {
      Path results = files.filter(p -> p.getFileName().toString().startsWith("results_")).findFirst().orElseThrow();
      return new ObjectMapper().readValue(results.toFile(), Map.class);
    }
  }

  @Test
  void theChatTemplateRendersContextsAndIsLogged() throws IOException {
    Map<String, Object> results = run(EvalSettings.builder().applyChatTemplate("").systemInstruction("Be brief."));
    assertEquals("<system>Be brief.\n<user>Q0?\n<assistant>", contexts.get(0));
    assertEquals(4, contexts.size());
    assertEquals(TEMPLATE, results.get("chat_template"));
    assertEquals(Hashing.sha256(TEMPLATE), results.get("chat_template_sha"));
    assertEquals(Boolean.TRUE, results.get("fewshot_as_multiturn"));
    assertEquals("Be brief.", results.get("system_instruction"));
    assertEquals(Hashing.sha256("Be brief."), results.get("system_instruction_sha"));
  }

  @Test
  void withoutTheFlagPromptsArePlainText() throws IOException {
    Map<String, Object> results = run(EvalSettings.builder());
    assertEquals("Q0?", contexts.get(0));
    assertNull(results.get("chat_template"));
    assertNull(results.get("chat_template_sha"));
    assertEquals(Boolean.FALSE, results.get("fewshot_as_multiturn"));
  }

  @Test
  void multiturnWithoutAChatTemplateIsRefused() throws IOException {
    Files.createDirectories(dir.resolve("tasks"));
    EvalException e = assertThrows(EvalException.class, () -> new Evaluator(registry()).evaluate(EvalSettings
        .builder().model("chat-test").tasks(List.of("tiny")).fewshotAsMultiturn(true).build()));
    assertTrue(e.getMessage().contains("--fewshot_as_multiturn needs --apply_chat_template"), e.getMessage());
  }
}
