package org.lmeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'lm-eval ls tasks|groups|subtasks|tags' and 'lm-eval validate' over a task catalog. */
class TaskCommandsTest {
  @TempDir
  Path dir;

  @Test
  void lsTasksPrintsLmEvalsThreeTables() {
    CliRun.Result r = new CliRun(dir).catalog(new FakeTaskCatalog()).run("ls", "tasks");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("""

        | Group |     Config Location      |
        |-------|--------------------------|
        |ai2_arc|tasks-arc:arc/ai2_arc.yaml|


        |   Tag   |
        |---------|
        |reasoning|


        |    Task     |        Config Location         |  Output Type  |
        |-------------|--------------------------------|---------------|
        |arc_challenge|tasks-arc:arc/arc_challenge.yaml|multiple_choice|
        |arc_easy     |tasks-arc:arc/arc_easy.yaml     |multiple_choice|



        """, r.out());
  }

  @Test
  void lsGroupsSubtasksAndTagsPrintOneTableEach() {
    assertEquals("\n| Group |     Config Location      |\n|-------|--------------------------|\n"
        + "|ai2_arc|tasks-arc:arc/ai2_arc.yaml|\n\n\n\n",
        new CliRun(dir).catalog(new FakeTaskCatalog()).run("ls", "groups").out());
    assertEquals("\n|   Tag   |\n|---------|\n|reasoning|\n\n\n\n",
        new CliRun(dir).catalog(new FakeTaskCatalog()).run("ls", "tags").out());
    assertTrue(new CliRun(dir).catalog(new FakeTaskCatalog()).run("ls", "subtasks").out()
        .startsWith("\n|    Task     |"));
  }

  @Test
  void withoutATaskEngineLsTasksIsAConfigurationError() {
    CliRun.Result r = new CliRun(dir).run("ls", "tasks");
    assertEquals(ExitCodes.CONFIGURATION, r.exitCode());
    assertEquals("lm-eval: error: no task engine is available to list or validate tasks: this build of lm-eval-java "
        + "has no TaskCatalog provider (see docs/troubleshooting.md#no-task-engine)\n", r.err());
  }

  @Test
  void validateFindsTasksAndRendersTheirFirstPrompts() {
    FakeTaskCatalog catalog = new FakeTaskCatalog();
    CliRun.Result r = new CliRun(dir).catalog(catalog).run("validate", "--tasks", "arc_easy,ai2_arc", "--prompts", "1");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("""
        Validating tasks: ['arc_easy', 'ai2_arc']
        --- arc_easy, doc 0: prompt ---
        Question: q0?
        Answer:
        --- arc_easy, doc 0: target ---
        a0
        --- arc_easy, doc 0: prompt ---
        Question: q0?
        Answer:
        --- arc_easy, doc 0: target ---
        a0
        --- arc_challenge, doc 0: prompt ---
        Question: q0?
        Answer:
        --- arc_challenge, doc 0: target ---
        a0
        All tasks found and valid
        """, r.out());
    assertEquals(List.of("arc_easy:1", "ai2_arc:1"), catalog.rendered);
  }

  @Test
  void validateWithoutPromptsOnlyChecksNames() {
    FakeTaskCatalog catalog = new FakeTaskCatalog();
    CliRun.Result r = new CliRun(dir).catalog(catalog).run("validate", "-t", "arc_*", "--prompts", "0");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("Validating tasks: ['arc_*']\nAll tasks found and valid\n", r.out());
    assertEquals(List.of(), catalog.rendered);
  }

  @Test
  void validateReportsMissingTasksWithExitOne() {
    CliRun.Result r = new CliRun(dir).catalog(new FakeTaskCatalog()).run("validate", "--tasks", "arc_easy,arc_eazy,x");
    assertEquals(ExitCodes.FAILURE, r.exitCode());
    assertEquals("Validating tasks: ['arc_easy', 'arc_eazy', 'x']\nTasks not found: arc_eazy, x\n", r.out());
  }

  @Test
  void validateNeedsTasks() {
    CliRun.Result r = new CliRun(dir).catalog(new FakeTaskCatalog()).run("validate");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().startsWith("lm-eval: error: Missing required option: '--tasks <task1,task2>'"), r.err());
  }
}
