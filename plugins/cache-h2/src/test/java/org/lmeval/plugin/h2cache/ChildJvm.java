package org.lmeval.plugin.h2cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts a test main class in a child JVM with this test's class path; output goes to files. */
final class ChildJvm {
  final Process process;
  final Path stdout;
  final Path stderr;

  private ChildJvm(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  static ChildJvm start(Path workDir, String name, Class<?> main, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    Path out = workDir.resolve(name + ".out");
    Path err = workDir.resolve(name + ".err");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    return new ChildJvm(p, out, err);
  }

  /** Waits until {@code done} holds (polling every 5 ms); fails if the child exits first or after 60 s. */
  void await(String what, java.util.function.BooleanSupplier done) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!done.getAsBoolean()) {
      if (!process.isAlive()) {
        throw new AssertionError("the child exited (" + process.exitValue() + ") before " + what + ": "
            + Files.readString(stderr));
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }

  /** SIGKILL, as {@code kill -9}: no shutdown hook, no finally block runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Waits for a normal exit and checks it succeeded. */
  void finish() throws Exception {
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child did not finish in 120 s");
    }
    if (process.exitValue() != 0) {
      throw new AssertionError("the child failed (" + process.exitValue() + "): " + Files.readString(stderr));
    }
  }

  String output() throws IOException {
    return Files.readString(stdout);
  }

  static int lines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    } catch (IOException e) {
      return 0;
    }
  }
}
