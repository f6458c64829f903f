package org.lmeval.cli;

import java.util.ArrayList;
import java.util.List;

/** A task index with a group, a tag and two tasks; prompts are rendered from a template. */
final class FakeTaskCatalog implements TaskCatalog {
  final List<String> rendered = new ArrayList<>();

  @Override
  public List<Entry> entries() {
    return List.of(
        new Entry("ai2_arc", Kind.GROUP, "tasks-arc:arc/ai2_arc.yaml", ""),
        new Entry("reasoning", Kind.TAG, null, ""),
        new Entry("arc_challenge", Kind.TASK, "tasks-arc:arc/arc_challenge.yaml", "multiple_choice"),
        new Entry("arc_easy", Kind.TASK, "tasks-arc:arc/arc_easy.yaml", "multiple_choice"));
  }

  @Override
  public List<String> missing(List<String> names) {
    List<String> known = entries().stream().map(Entry::name).toList();
    return names.stream().filter(n -> known.stream().noneMatch(k -> k.equals(n)
        || (n.endsWith("*") && k.startsWith(n.substring(0, n.length() - 1))))).toList();
  }

  @Override
  public List<RenderedPrompt> render(String name, int count) {
    rendered.add(name + ":" + count);
    List<String> tasks = name.equals("ai2_arc") ? List.of("arc_easy", "arc_challenge") : List.of(name);
    List<RenderedPrompt> prompts = new ArrayList<>();
    for (String task : tasks) {
      for (int i = 0; i < count; i++) {
        prompts.add(new RenderedPrompt(task, i, "Question: q" + i + "?\nAnswer:", "a" + i));
      }
    }
    return prompts;
  }
}
