package org.lmeval.platform.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

class TaskYamlParserTest {
  private static Map<String, Object> parse(String yaml) {
    return TaskYamlParser.parse(yaml.getBytes(StandardCharsets.UTF_8), "t.yaml", List.of("hellaswag")).data();
  }

  @Test
  void scalarsResolveAsPyYamlDoes() {
    Map<String, Object> d = parse("""
        a: yes
        b: off
        c: 1e3
        d: 1.5e+3
        e: 1.0
        f: 010
        g: null
        h: ~
        i: "1"
        j: 3
        """);
    assertEquals(true, d.get("a"));
    assertEquals(false, d.get("b"));
    assertEquals("1e3", d.get("c"), "PyYAML needs a dot for a float");
    assertEquals(1500.0, d.get("d"));
    assertEquals(1.0, d.get("e"));
    assertEquals(8, d.get("f"), "YAML 1.1 octal");
    assertEquals(null, d.get("g"));
    assertTrue(d.containsKey("h"));
    assertEquals("1", d.get("i"));
    assertEquals(3, d.get("j"));
  }

  @Test
  void functionTagBecomesAReferenceWithDottedCandidates() {
    TaskYamlParser.Parsed p = TaskYamlParser.parse("task: x\nprocess_docs: !function utils.process_docs\n"
        .getBytes(StandardCharsets.UTF_8), "/t/hellaswag/h.yaml", List.of("tasks", "hellaswag"));
    FunctionRef f = assertInstanceOf(FunctionRef.class, p.data().get("process_docs"));
    assertEquals("utils.process_docs", f.spec());
    assertEquals(List.of("tasks.hellaswag.utils.process_docs", "hellaswag.utils.process_docs", "utils.process_docs"),
        f.candidates());
    assertEquals(new Location("/t/hellaswag/h.yaml", 2), f.where());
    assertEquals(Map.of("task", 1, "process_docs", 2), p.keyLines());
  }

  @Test
  void duplicateKeysKeepTheLastValueAndSlashEscapesAreAccepted() {
    Map<String, Object> d = parse("a: 1\na: 2\nb: \"1\\/5\"\n");
    assertEquals(2, d.get("a"));
    assertEquals("1/5", d.get("b"));
  }

  @Test
  void syntaxErrorsNameFileAndLine() {
    EvalException e = assertThrows(EvalException.class, () -> parse("a: 1\nb: [1, 2\nc: 3\n"));
    assertEquals(ErrorCode.INVALID_TASK, e.code());
    assertTrue(e.getMessage().contains("t.yaml:"), e.getMessage());
  }

  @Test
  void pythonTagsAndNonMappingsAreRejected() {
    EvalException e = assertThrows(EvalException.class, () -> parse("a: !!python/name:os.system\n"));
    assertTrue(e.getMessage().contains("t.yaml"), e.getMessage());
    EvalException list = assertThrows(EvalException.class, () -> parse("- a\n- b\n"));
    assertTrue(list.getMessage().contains("expected a YAML mapping"), list.getMessage());
  }
}
