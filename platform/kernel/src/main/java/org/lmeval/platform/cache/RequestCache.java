package org.lmeval.platform.cache;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.platform.eval.Instance;

/**
 * lm-eval's {@code --cache_requests}: a task's built instances, kept in a folder so a rerun skips prompt
 * building. One gzip-compressed file per {@link RequestCacheKey} ({@link InstanceCodec}), written to a temporary
 * file and moved into place, so a run killed while writing leaves no partial file; gzip's CRC and the file's end
 * line make a damaged file detectable, and a damaged file is rebuilt rather than read.
 *
 * <ul>
 *   <li>{@code true}: load the task's instances if cached, else build and store them;
 *   <li>{@code refresh}: build and store them again;
 *   <li>{@code delete}: remove every cached request file in the folder, then build without caching (as lm-eval).
 * </ul>
 */
public final class RequestCache {
  /** The suffix of request cache files. */
  public static final String SUFFIX = ".jsonl.gz";
  private static final String PREFIX = "requests-";

  /** What {@code --cache_requests} asked for. */
  public enum Mode {
    /** No flag: build every time. */
    OFF,
    /** {@code true}: load, or build and store. */
    USE,
    /** {@code refresh}: build and store. */
    REFRESH,
    /** {@code delete}: the folder was emptied; build every time. */
    DELETE
  }

  private final Path dir;
  private final Mode mode;
  private final PrintWriter log;
  private int loaded;
  private int built;

  private RequestCache(Path dir, Mode mode, PrintWriter log) {
    this.dir = dir;
    this.mode = mode;
    this.log = log;
  }

  /** No request caching. */
  public static RequestCache off() {
    return new RequestCache(null, Mode.OFF, null);
  }

  /**
   * The request cache {@code --cache_requests FLAG} asks for, in {@code dir}; {@code delete} empties it now.
   *
   * @param dir the folder (created when needed); lm-eval's is {@code $LM_HARNESS_CACHE_PATH}
   * @param flag null (off), "true" (also "" for the bare flag), "refresh" or "delete", any case
   * @param log where a damaged file being rebuilt is reported, or null
   * @throws EvalException {@code INVALID_ARGUMENT} for another flag; {@code CACHE_FAILURE} when the folder cannot
   *     be created or written
   */
  public static RequestCache open(Path dir, String flag, PrintWriter log) {
    Mode mode = parse(flag);
    if (mode == Mode.OFF) {
      return off();
    }
    Path folder = dir.toAbsolutePath().normalize();
    if (mode == Mode.DELETE) {
      deleteAll(folder);
      return new RequestCache(folder, mode, log);
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new EvalException(ErrorCode.CACHE_FAILURE, "--cache_requests: cannot create the request cache folder "
          + folder + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
    if (!Files.isWritable(folder)) {
      throw new EvalException(ErrorCode.CACHE_FAILURE, "--cache_requests: the request cache folder " + folder
          + " is not writable");
    }
    return new RequestCache(folder, mode, log);
  }

  /** The mode of a {@code --cache_requests} value. */
  public static Mode parse(String flag) {
    if (flag == null) {
      return Mode.OFF;
    }
    return switch (flag.trim().toLowerCase(Locale.ROOT)) {
      case "", "true" -> Mode.USE;
      case "refresh" -> Mode.REFRESH;
      case "delete" -> Mode.DELETE;
      default -> throw new EvalException(ErrorCode.INVALID_ARGUMENT, "--cache_requests must be true, refresh or "
          + "delete, got '" + flag + "'");
    };
  }

  /**
   * The task's instances: loaded from the cache when {@link Mode#USE} finds an intact file for {@code key}, else
   * built by {@code build} (and stored in modes {@code USE} and {@code REFRESH}).
   */
  public List<Instance> loadOrBuild(RequestCacheKey key, Supplier<List<Instance>> build) {
    if (mode == Mode.OFF || mode == Mode.DELETE) {
      return build.get();
    }
    Path file = dir.resolve(key.fileName());
    String canonical = key.canonical();
    if (mode == Mode.USE) {
      List<Instance> cached = load(file, canonical);
      if (cached != null) {
        loaded++;
        return cached;
      }
    }
    List<Instance> instances = build.get();
    built++;
    store(file, key, instances);
    return instances;
  }

  public Mode mode() {
    return mode;
  }

  /** The folder, or null when off. */
  public Path directory() {
    return dir;
  }

  /** Tasks whose instances were loaded from the cache. */
  public int loaded() {
    return loaded;
  }

  /** Tasks whose instances were built (and, unless off, stored). */
  public int built() {
    return built;
  }

  private List<Instance> load(Path file, String canonical) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
      return Collections.unmodifiableList(InstanceCodec.read(in, canonical));
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | InstanceCodec.Damaged e) {
      note("request cache file " + file + " is damaged (" + e.getMessage() + "); building the requests again");
      return null;
    }
  }

  private void store(Path file, RequestCacheKey key, List<Instance> instances) {
    Path tmp = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    try {
      try (Writer out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(tmp),
          1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
        InstanceCodec.write(out, key.canonical(), instances);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (InstanceCodec.UnsupportedValue e) {
      deleteQuietly(tmp);
      note("the requests of task '" + key.task() + "' hold " + e.getMessage()
          + ", which the request cache cannot store; they are built on every run");
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new EvalException(ErrorCode.CACHE_FAILURE, "--cache_requests: cannot write " + file + " ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
  }

  private static void deleteAll(Path folder) {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + "*" + SUFFIX)) {
      for (Path f : files) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new EvalException(ErrorCode.CACHE_FAILURE, "--cache_requests delete: cannot empty " + folder + " ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
  }

  private void note(String message) {
    if (log != null) {
      log.println("WARNING: " + message);
      log.flush();
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // best effort: a stray temporary file is harmless
    }
  }
}
