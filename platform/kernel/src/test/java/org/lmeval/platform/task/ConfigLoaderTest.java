package org.lmeval.platform.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  private ConfigLoader loader(TaskTestSupport t) {
    return new ConfigLoader(new DirectoryTaskSource(t.root));
  }

  @Test
  void includesMergeShallowlyInListOrderAndOwnKeysWin() {
    TaskTestSupport t = new TaskTestSupport(dir)
        .file("common/_base", "a: base\nb: base\ngeneration_kwargs: {until: [x], temperature: 1}\ntask_list: [p]\n")
        .file("fam/_second.yaml", "b: second\nc: second\n")
        .file("fam/task.yaml", "include: [../common/_base, _second.yaml]\nc: own\ngeneration_kwargs: {until: [y]}\n");
    ConfigLoader.LoadedConfig cfg = loader(t).load("fam/task.yaml");
    assertEquals("base", cfg.values().get("a"));
    assertEquals("second", cfg.values().get("b"));
    assertEquals("own", cfg.values().get("c"));
    assertEquals(java.util.Map.of("until", List.of("y")), cfg.values().get("generation_kwargs"),
        "a mapping from an include is replaced, not merged");
    assertFalse(cfg.values().containsKey("task_list"), "an included file's task_list is dropped");
    assertFalse(cfg.values().containsKey("include"));
    assertEquals(Set.of("fam/task.yaml", "common/_base", "fam/_second.yaml"), cfg.files());
    assertEquals(new Location(dir.resolve("common/_base").toString(), 1), cfg.origins().get("a"));
    assertEquals(new Location(dir.resolve("fam/task.yaml").toString(), 2), cfg.origins().get("c"));
  }

  @Test
  void missingIncludeNamesTheFileAndLine() {
    TaskTestSupport t = new TaskTestSupport(dir).file("x.yaml", "task: x\ninclude: nope.yaml\n");
    EvalException e = assertThrows(EvalException.class, () -> loader(t).load("x.yaml"));
    assertEquals(ErrorCode.INVALID_TASK, e.code());
    assertTrue(e.getMessage().contains("x.yaml:2") && e.getMessage().contains("nope.yaml"), e.getMessage());
  }

  @Test
  void includeCyclesAreErrors() {
    TaskTestSupport t = new TaskTestSupport(dir).file("a.yaml", "include: b.yaml\n").file("b.yaml", "include: a.yaml\n");
    EvalException e = assertThrows(EvalException.class, () -> loader(t).load("a.yaml"));
    assertTrue(e.getMessage().startsWith("include cycle: "), e.getMessage());
    assertTrue(e.getMessage().contains("a.yaml -> ") && e.getMessage().contains("b.yaml"), e.getMessage());
  }

  @Test
  void includesStayInsideTheirSource() {
    TaskTestSupport t = new TaskTestSupport(dir.resolve("src")).file("x.yaml", "include: ../../outside.yaml\n");
    EvalException e = assertThrows(EvalException.class, () -> loader(t).load("x.yaml"));
    assertTrue(e.getMessage().contains("outside the task source"), e.getMessage());
    TaskTestSupport abs = new TaskTestSupport(dir.resolve("src2")).file("y.yaml", "include: /etc/hosts\n");
    EvalException e2 = assertThrows(EvalException.class, () -> loader(abs).load("y.yaml"));
    assertTrue(e2.getMessage().contains("outside the task folder"), e2.getMessage());
  }

  @Test
  void normalizesPaths() {
    assertEquals("a/c", ConfigLoader.normalize("a/./b/../c"));
    assertEquals(null, ConfigLoader.normalize("../a"));
  }
}
