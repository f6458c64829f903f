package org.lmeval.platform.task;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The task YAML tree of a task bundle jar: the entries under its {@code LmEval-Tasks} folder
 * ({@code META-INF/lmeval/tasks/} by convention), read once into memory (bundles are small).
 */
public final class JarTaskSource implements StampedTaskSource {
  private final String id;
  private final Path jar;
  private final String prefix;
  private final Map<String, byte[]> entries;
  private final Map<String, Long> crcs;
  private final String jarStamp;

  /**
   * @param id the bundle id, for messages
   * @param jar the jar file
   * @param tasksFolder the folder inside the jar that holds the task tree, e.g. {@code META-INF/lmeval/tasks}
   */
  public JarTaskSource(String id, Path jar, String tasksFolder) {
    this.id = id;
    this.jar = jar.toAbsolutePath().normalize();
    this.prefix = tasksFolder.endsWith("/") ? tasksFolder : tasksFolder + "/";
    Map<String, byte[]> read = new TreeMap<>();
    Map<String, Long> crc = new TreeMap<>();
    try (ZipFile zip = new ZipFile(this.jar.toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        if (!e.isDirectory() && e.getName().startsWith(prefix)) {
          try (InputStream in = zip.getInputStream(e)) {
            read.put(e.getName().substring(prefix.length()), in.readAllBytes());
          }
          crc.put(e.getName().substring(prefix.length()), e.getCrc());
        }
      }
      jarStamp = Files.size(this.jar) + ":" + Files.getLastModifiedTime(this.jar).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read task bundle " + this.jar, e);
    }
    this.entries = Collections.unmodifiableMap(read);
    this.crcs = crc;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Set<String> files() {
    return entries.keySet();
  }

  @Override
  public InputStream open(String path) throws IOException {
    byte[] bytes = entries.get(path);
    if (bytes == null) {
      throw new java.nio.file.NoSuchFileException(displayPath(path));
    }
    return new ByteArrayInputStream(bytes);
  }

  @Override
  public String displayPath(String path) {
    return jar + "!/" + prefix + path;
  }

  @Override
  public List<String> rootSegments() {
    return List.of();
  }

  @Override
  public Optional<String> stamp(String path) {
    Long crc = crcs.get(path);
    return crc == null ? Optional.empty() : Optional.of(jarStamp + ":" + crc);
  }

  @Override
  public String toString() {
    return "task bundle " + id + " (" + jar + ")";
  }
}
