package org.lmeval.platform.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.platform.eval.EvalTask;
import org.lmeval.platform.eval.GroupSpec;

/** Names, patterns, tags, groups (nesting, overrides, inline tasks), YAML paths and folders in --tasks. */
class TaskSelectionTest {
  @TempDir
  Path dir;
  TaskTestSupport t;

  @BeforeEach
  void tasks() {
    t = new TaskTestSupport(dir.resolve("tasks"))
        .file("fam/_tmpl_yaml", "dataset_path: d\ntest_split: test\noutput_type: multiple_choice\n"
            + "doc_to_text: '{{question}}'\ndoc_to_target: answer\ndoc_to_choice: [A, B, C, D]\n")
        .file("fam/b_two.yaml", "include: _tmpl_yaml\ntask: b_two\ntag: letters\n")
        .file("fam/a_one.yaml", "include: _tmpl_yaml\ntask: a_one\ntag: letters\nnum_fewshot: 0\n")
        .file("fam/c_three.yaml", "include: _tmpl_yaml\ntask: c_three\n")
        .file("fam/sub.yaml", "group: sub\ngroup_alias: Sub\ntask: [letters]\n"
            + "aggregate_metric_list: {metric: acc, filter_list: none}\nmetadata: {version: 2}\n")
        .file("fam/top.yaml", "group: top\nnum_fewshot: 1\ntask:\n  - sub\n  - {task: c_three, num_fewshot: 3}\n"
            + "aggregate_metric_list:\n  - metric: acc\n    weight_by_size: false\nmetadata: {version: 1.0}\n")
        .file("fam/inline.yaml", "group: inline_group\ntask:\n  - task: mine\n    dataset_path: d\n    test_split: test\n"
            + "    output_type: loglikelihood\n    doc_to_text: '{{question}}'\n    doc_to_target: ' x'\n"
            + "  - group: nested\n    task: [c_three]\n")
        .split("d/default/test", TaskTestSupport.qa(6, "q"))
        .split("d/default/train", TaskTestSupport.qa(6, "t"));
  }

  private TaskSelection select(String... names) {
    return t.manager().select(List.of(names), TaskTestSupport.settings().build());
  }

  private static List<String> names(TaskSelection s) {
    return s.tasks().stream().map(EvalTask::name).toList();
  }

  @Test
  void tagsExpandToTheirTasksSortedAndPatternsMatchAllNames() {
    assertEquals(List.of("a_one", "b_two"), names(select("letters")));
    assertEquals(List.of("a_one", "b_two", "c_three"), names(select("?_*")));
    assertEquals(List.of("c_three", "a_one", "b_two"), names(select("c_three,letters")));
    assertEquals(List.of("a_one"), names(select("a_one", "a_one")), "duplicates are removed");
  }

  @Test
  void groupsBuildTheirTreeWithOverridesAndListGroupsChildrenFirst() {
    TaskSelection s = select("top");
    assertEquals(List.of("a_one", "b_two", "c_three"), names(s));
    Map<String, Integer> shots = new java.util.HashMap<>();
    s.tasks().forEach(x -> shots.put(x.name(), x.numFewshot()));
    assertEquals(Map.of("a_one", 1, "b_two", 1, "c_three", 3), shots,
        "group overrides replace member values (even a YAML 0); item overrides win over the group's");
    assertEquals(List.of("sub", "top"), s.groups().stream().map(GroupSpec::name).toList());
    GroupSpec sub = s.groups().get(0);
    assertEquals("Sub", sub.alias());
    assertEquals(List.of("a_one", "b_two"), sub.children());
    assertEquals("2", sub.version());
    assertEquals(List.of(new GroupSpec.AggregateMetric("acc", List.of("none"), "mean", true)), sub.aggregateMetrics());
    GroupSpec top = s.groups().get(1);
    assertEquals(List.of("sub", "c_three"), top.children());
    assertEquals("1.0", top.version());
    assertEquals(List.of(new GroupSpec.AggregateMetric("acc", null, "mean", false)), top.aggregateMetrics());
  }

  @Test
  void inlineTasksAndGroupsAreNamespaced() {
    TaskSelection s = select("inline_group");
    assertEquals(List.of("inline_group::mine", "c_three"), names(s));
    assertEquals(List.of("inline_group::nested", "inline_group"), s.groups().stream().map(GroupSpec::name).toList());
    assertNull(s.groups().get(1).version(), "no metadata version: N/A");
  }

  @Test
  void unknownNamesAreReportedWithSuggestions() {
    EvalException e = assertThrows(EvalException.class, () -> select("a_onee", "c_three"));
    assertEquals(ErrorCode.UNKNOWN_COMPONENT, e.code());
    assertTrue(e.getMessage().startsWith("Tasks not found: a_onee"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'a_one'"), e.getMessage());
  }

  @Test
  void overlappingTopLevelItemsAreAnError() {
    EvalException e = assertThrows(EvalException.class, () -> select("sub", "a_one"));
    assertTrue(e.getMessage().contains("Duplicate task 'a_one'"), e.getMessage());
  }

  @Test
  void unknownConfigKeysNameFileLineAndSuggestion() {
    t.file("fam/typo.yaml", "include: _tmpl_yaml\ntask: typo\ndoc_to_txt: x\n");
    EvalException e = assertThrows(EvalException.class, () -> select("typo"));
    assertEquals(ErrorCode.INVALID_TASK, e.code());
    assertTrue(e.getMessage().contains("unknown task config key 'doc_to_txt'"), e.getMessage());
    assertTrue(e.getMessage().contains("typo.yaml:3"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'doc_to_text'"), e.getMessage());
  }

  @Test
  void inlineTasksAreCheckedLikeFiles() {
    t.file("fam/bad_inline.yaml", "group: bad_inline\ntask:\n  - {task: own, include_me: no}\n");
    EvalException e = assertThrows(EvalException.class, () -> select("bad_inline"));
    assertTrue(e.getMessage().contains("unknown task config key 'include_me'"), e.getMessage());
    assertTrue(e.getMessage().contains("inline task 'bad_inline::own'"), e.getMessage());
  }

  @Test
  void yamlFilesAndFoldersCanBeNamedDirectly() {
    new TaskTestSupport(dir.resolve("mine")).file("x.yaml", "task: from_file\ndataset_path: d\ntest_split: test\n"
        + "output_type: loglikelihood\ndoc_to_text: '{{question}}'\ndoc_to_target: ' y'\n")
        .file("sub/y.yaml", "task: other\n");
    TaskManager tm = t.manager();
    TaskSelection s = tm.select(List.of(dir.resolve("mine/x.yaml").toString()), TaskTestSupport.settings().build());
    assertEquals(List.of("from_file"), names(s));
    assertEquals("inline", ((Map<?, ?>) s.tasks().get(0).configForResults().get("metadata")).get("config_source"));
    TaskSelection folder = tm.select(List.of(dir.resolve("mine").toString()), TaskTestSupport.settings().build());
    assertEquals(List.of("from_file"), names(folder), "a folder loads its own *.yaml, not subfolders");
  }

  @Test
  void listingsGiveKindPathAndOutputType() {
    TaskManager tm = t.manager();
    List<TaskListing> tasks = tm.list(EntryKind.TASK);
    assertEquals(List.of("a_one", "b_two", "c_three"), tasks.stream().map(TaskListing::name).toList());
    assertEquals("multiple_choice", tasks.get(0).outputType());
    assertTrue(tasks.get(0).path().endsWith("fam/a_one.yaml"));
    assertEquals(List.of("letters"), tm.list(EntryKind.TAG).stream().map(TaskListing::name).toList());
    assertEquals("---", tm.list(EntryKind.TAG).get(0).path());
    assertEquals(List.of("inline_group", "sub", "top"), tm.list(EntryKind.GROUP).stream().map(TaskListing::name)
        .toList());
  }
}
