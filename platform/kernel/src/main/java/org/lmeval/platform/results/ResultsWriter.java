package org.lmeval.platform.results;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.platform.eval.SampleRecord;
import org.lmeval.platform.eval.SampleSink;
import org.lmeval.platform.python.PythonJson;

/**
 * Writes lm-eval's output files: the samples JSONL files, streamed record by record as tasks are scored
 * (one open file at a time, appended to as lm-eval does), and the results JSON
 * ({@code json.dumps(results, indent=2, ensure_ascii=False)}).
 */
public final class ResultsWriter implements SampleSink, AutoCloseable {
  private final OutputPaths paths;
  private final Set<Path> files = new LinkedHashSet<>();
  private String openTask;
  private BufferedWriter open;

  public ResultsWriter(OutputPaths paths) {
    this.paths = paths;
  }

  public OutputPaths paths() {
    return paths;
  }

  /** Appends one record to its task's samples file. */
  @Override
  public synchronized void accept(String taskName, SampleRecord record) {
    try {
      writerFor(taskName).write(record.toJsonLine());
      open.write('\n');
    } catch (IOException e) {
      throw failure(paths.samplesFile(taskName), e);
    }
  }

  /**
   * Ends a task's samples: flushes and closes its file, creating it (empty) when the task logged no
   * record, as lm-eval's append-mode open does.
   */
  public synchronized void finishTask(String taskName) {
    try {
      writerFor(taskName);
      closeOpen();
    } catch (IOException e) {
      throw failure(paths.samplesFile(taskName), e);
    }
  }

  /** Writes the results file and returns its path. */
  public synchronized Path writeResults(Map<String, Object> results) {
    Path file = paths.resultsFile();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, PythonJson.dumps(results, PythonJson.Options.RESULTS), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw failure(file, e);
    }
    files.add(file);
    return file;
  }

  /** Every file written so far, in the order first written. */
  public synchronized List<Path> files() {
    return new ArrayList<>(files);
  }

  @Override
  public synchronized void close() {
    try {
      closeOpen();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private BufferedWriter writerFor(String taskName) throws IOException {
    if (open != null && taskName.equals(openTask)) {
      return open;
    }
    closeOpen();
    Path file = paths.samplesFile(taskName);
    Files.createDirectories(file.toAbsolutePath().getParent());
    open = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    openTask = taskName;
    files.add(file);
    return open;
  }

  private void closeOpen() throws IOException {
    if (open != null) {
      BufferedWriter w = open;
      open = null;
      openTask = null;
      w.close();
    }
  }

  private static EvalException failure(Path file, IOException e) {
    return new EvalException(ErrorCode.INVALID_ARGUMENT, "cannot write " + file + " (--output_path): " + e, e);
  }
}
