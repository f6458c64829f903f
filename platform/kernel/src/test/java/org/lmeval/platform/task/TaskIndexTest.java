package org.lmeval.platform.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskIndexTest {
  @TempDir
  Path dir;

  @Test
  void classifiesFilesAndRegistersTags() {
    TaskTestSupport t = new TaskTestSupport(dir.resolve("a"))
        .file("fam/_template_yaml", "output_type: multiple_choice\n")
        .file("fam/t1.yaml", "include: _template_yaml\ntask: t1\ntag: [family, other]\n")
        .file("fam/t2.yaml", "task: t2\ntag: family\n")
        .file("fam/g.yaml", "group: g\ntag: grouptag\ntask: [t1, t2]\n")
        .file("fam/py.yaml", "class: !function x.Y\ntask: py\n")
        .file("fam/skip.yaml", "dataset_path: x\n")
        .file("fam/__pycache__/hidden.yaml", "task: hidden\n")
        .file("fam/broken.yaml", "task: [unclosed\n")
        .file("fam/z_dup.yaml", "task: t2\n");
    TaskIndex index = TaskIndex.build(List.of(new DirectoryTaskSource(t.root)), null);
    assertEquals(List.of("t1", "t2"), index.names(EntryKind.TASK));
    assertEquals(List.of("g"), index.names(EntryKind.GROUP));
    assertEquals(List.of("py"), index.names(EntryKind.PYTHON_TASK));
    assertEquals(List.of("family", "other"), index.names(EntryKind.TAG), "group tags are not registered");
    assertEquals(Set.of("t1", "t2"), index.get("family").orElseThrow().tags());
    assertEquals("multiple_choice", index.get("t1").orElseThrow().outputType());
    assertTrue(index.get("t2").orElseThrow().path().equals("fam/t2.yaml"), "first file in sorted order wins");
    assertFalse(index.get("hidden").isPresent());
    assertEquals(2, index.skipped().size(), index.skipped().toString());
  }

  @Test
  void laterRootsOverrideEarlierOnes() {
    TaskTestSupport a = new TaskTestSupport(dir.resolve("a")).file("x.yaml", "task: x\noutput_type: loglikelihood\n");
    TaskTestSupport b = new TaskTestSupport(dir.resolve("b")).file("x.yaml", "task: x\noutput_type: generate_until\n");
    TaskIndex index = TaskIndex.build(List.of(new DirectoryTaskSource(a.root), new DirectoryTaskSource(b.root)), null);
    assertEquals("generate_until", index.get("x").orElseThrow().outputType());
  }

  @Test
  void theCacheIsReusedUntilAFileOrAnIncludeChanges() throws Exception {
    TaskTestSupport t = new TaskTestSupport(dir.resolve("tasks"))
        .file("_base", "output_type: loglikelihood\n")
        .file("x.yaml", "include: _base\ntask: x\n");
    Path cacheDir = dir.resolve("cache");
    DirectoryTaskSource src = new DirectoryTaskSource(t.root);
    TaskIndexCache cache = new TaskIndexCache(cacheDir);
    assertEquals("loglikelihood", TaskIndex.build(List.of(src), cache).get("x").orElseThrow().outputType());
    assertEquals(1, Files.list(cacheDir).count());

    // a cached record is used while stamps match: prove it by corrupting the file without changing its stamp
    Path x = t.root.resolve("x.yaml");
    FileTime mtime = Files.getLastModifiedTime(x);
    Files.writeString(x, "include: _base\ntask: y\n");
    Files.setLastModifiedTime(x, mtime);
    TaskIndex warm = TaskIndex.build(List.of(new DirectoryTaskSource(t.root)), cache);
    assertTrue(warm.get("x").isPresent(), "the cached classification was reused");

    // changing an included file invalidates the record of the file that includes it
    Path base = t.root.resolve("_base");
    Files.writeString(base, "output_type: generate_until # changed\n");
    Files.setLastModifiedTime(base, FileTime.fromMillis(mtime.toMillis() + 5000));
    TaskIndex fresh = TaskIndex.build(List.of(new DirectoryTaskSource(t.root)), cache);
    assertEquals("generate_until", fresh.get("y").orElseThrow().outputType());
  }
}
