package org.lmeval.platform.task;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/** A folder of task YAML files, e.g. an {@code --include_path} or lm-eval's own {@code tasks/} folder. */
public final class DirectoryTaskSource implements StampedTaskSource {
  private final Path root;
  private volatile Set<String> files;

  /** @param root the folder; it must exist */
  public DirectoryTaskSource(Path root) {
    Path abs = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "task folder " + abs + " does not exist or is not a folder");
    }
    this.root = abs;
  }

  public Path root() {
    return root;
  }

  @Override
  public String id() {
    return root.toString();
  }

  @Override
  public Set<String> files() {
    Set<String> f = files;
    if (f == null) {
      Set<String> found = new LinkedHashSet<>();
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> Files.isRegularFile(p)).map(p -> root.relativize(p).toString().replace('\\', '/'))
            .sorted().forEach(found::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list task folder " + root, e);
      }
      files = f = Collections.unmodifiableSet(found);
    }
    return f;
  }

  @Override
  public InputStream open(String path) throws IOException {
    return Files.newInputStream(root.resolve(path));
  }

  @Override
  public String displayPath(String path) {
    return root.resolve(path).toString();
  }

  @Override
  public List<String> rootSegments() {
    List<String> segments = new ArrayList<>();
    for (Path p : root) {
      segments.add(p.toString());
    }
    return segments;
  }

  @Override
  public Optional<String> stamp(String path) {
    try {
      BasicFileAttributes a = Files.readAttributes(root.resolve(path), BasicFileAttributes.class);
      return Optional.of(a.size() + ":" + a.lastModifiedTime().toMillis());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "folder " + root;
  }
}
