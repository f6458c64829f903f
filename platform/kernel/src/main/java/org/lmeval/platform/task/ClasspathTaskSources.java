package org.lmeval.platform.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.lmeval.api.task.TaskSource;

/**
 * The task trees of task bundles visible to a class loader: every {@code META-INF/lmeval/tasks} folder on
 * the class path, as a {@link DirectoryTaskSource} (exploded, e.g. {@code target/classes}) or a
 * {@link JarTaskSource}. For tests and plain class path embedding; the plugin loader registers bundles from
 * the {@code plugins/} folder itself.
 */
public final class ClasspathTaskSources {
  /** The folder task bundles keep their YAML in. */
  public static final String TASKS_FOLDER = "META-INF/lmeval/tasks";

  private ClasspathTaskSources() {}

  public static List<TaskSource> find(ClassLoader loader) {
    List<TaskSource> out = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources(TASKS_FOLDER))) {
        switch (url.getProtocol()) {
          case "file" -> out.add(new DirectoryTaskSource(Path.of(url.toURI())));
          case "jar" -> {
            JarURLConnection c = (JarURLConnection) url.openConnection();
            Path jar = Path.of(c.getJarFileURL().toURI());
            out.add(new JarTaskSource(jar.getFileName().toString(), jar, TASKS_FOLDER));
          }
          default -> {
            // other URL kinds (e.g. OSGi bundles) are read by their own task sources
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
