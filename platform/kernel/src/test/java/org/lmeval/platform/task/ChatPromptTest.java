package org.lmeval.platform.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.platform.eval.EvalSettings;
import org.lmeval.platform.eval.EvalTask;
import org.lmeval.platform.eval.Instance;

/**
 * Chat prompts of tasks with a {@code gen_prefix} (a continued final assistant message, the target delimiter kept
 * when the prefix does not end in whitespace), multi-turn and single-turn, with a system instruction and a
 * description, against lm-eval 0.4.13 (fixture {@code chat/gen_prefix.json} from
 * tools/tasks/make_chat_goldens.py {@code --gen-prefix-out}).
 */
class ChatPromptTest {
  @TempDir
  java.nio.file.Path dir;

  @Test
  @SuppressWarnings("unchecked")
  void genPrefixTasksMatchLmEval() throws IOException {
    Map<String, Object> fx;
    try (InputStream in = getClass().getResourceAsStream("/chat/gen_prefix.json")) {
      fx = new ObjectMapper().readValue(in, Map.class);
    }
    TaskTestSupport t = new TaskTestSupport(dir);
    Map<String, List<Map<String, Object>>> docs = (Map<String, List<Map<String, Object>>>) fx.get("docs");
    docs.forEach((split, d) -> t.split("mem/default/" + split, d));
    Map<String, Map<String, Object>> tasks = (Map<String, Map<String, Object>>) fx.get("tasks");
    ObjectMapper json = new ObjectMapper();
    for (Map.Entry<String, Map<String, Object>> e : tasks.entrySet()) {
      Map<String, Object> yaml = new LinkedHashMap<>();
      yaml.put("task", e.getKey());
      yaml.put("dataset_path", "mem");
      yaml.putAll(e.getValue());
      t.file(e.getKey() + ".yaml", json.writeValueAsString(yaml)); // JSON is YAML
    }
    ChatTemplate chat = ChatTemplate.of(new ChatTemplateTest.TemplateModel((String) fx.get("template"), null,
        null) {
      @Override
      public Map<String, String> specialTokens() {
        return (Map<String, String>) fx.get("special_tokens");
      }
    }, "", "test");
    for (Map<String, Object> run : (List<Map<String, Object>>) fx.get("runs")) {
      boolean multiturn = (Boolean) run.get("fewshot_as_multiturn");
      EvalSettings settings = TaskTestSupport.settings().systemInstruction("Be brief.").applyChatTemplate("")
          .fewshotAsMultiturn(multiturn).build();
      List<EvalTask> built = t.manager().select(new ArrayList<>(tasks.keySet()), settings, chat).tasks();
      Map<String, List<List<Object>>> expected = (Map<String, List<List<Object>>>) run.get("requests");
      for (EvalTask task : built) {
        Map<Integer, List<Object>> byDoc = new LinkedHashMap<>();
        for (Instance i : task.instances()) {
          byDoc.computeIfAbsent(i.docId(), k -> new ArrayList<>()).add(i.arguments());
        }
        assertEquals(expected.get(task.name()), new ArrayList<>(byDoc.values()),
            task.name() + ", fewshot_as_multiturn=" + multiturn);
      }
    }
  }
}
