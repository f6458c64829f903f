package org.lmeval.platform.plugin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.task.TaskSource;

/**
 * The task YAML of a plugin jar: the entries under its {@code LmEval-Tasks} folder, with paths relative to that
 * folder. Kernel code, reading the jar as a zip file; no plugin class is loaded.
 */
public final class JarTaskSource implements TaskSource {
  private final String id;
  private final Path jar;
  private final String prefix;
  private final Set<String> files;

  /**
   * Lists the folder's files once.
   *
   * @param id the plugin id, for messages
   * @param jar the plugin jar
   * @param folder the {@code LmEval-Tasks} folder inside it, without leading or trailing '/'
   */
  public JarTaskSource(String id, Path jar, String folder) {
    this.id = id;
    this.jar = jar;
    this.prefix = folder.isEmpty() ? "" : folder + "/";
    Set<String> found = new TreeSet<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      file.stream().filter(e -> !e.isDirectory() && e.getName().startsWith(prefix))
          .forEach(e -> found.add(e.getName().substring(prefix.length())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jar, e);
    }
    if (found.isEmpty()) {
      throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, jar + " (plugin " + id + "): "
          + PluginDescriptor.TASKS + " names folder '" + folder + "', which holds no files in the jar");
    }
    this.files = Collections.unmodifiableSet(found);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Set<String> files() {
    return files;
  }

  @Override
  public InputStream open(String path) throws IOException {
    if (!files.contains(path)) {
      throw new NoSuchFileException(path, null, "not in task source '" + id + "' (" + jar + "!/" + prefix + ")");
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      JarEntry entry = file.getJarEntry(prefix + path);
      try (InputStream in = file.getInputStream(entry)) {
        return new ByteArrayInputStream(in.readAllBytes());
      }
    }
  }

  @Override
  public String toString() {
    return "JarTaskSource[" + id + ", " + jar + "!/" + prefix + "]";
  }
}
