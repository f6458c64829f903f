package org.lmeval.platform.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.NoSuchFileException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.task.TaskSource;
import org.osgi.framework.Bundle;

/**
 * The task YAML of an OSGi bundle: the entries under its {@code LmEval-Tasks} folder, read with
 * {@link Bundle#findEntries} (the extender pattern: the host reads the bundle's data, the bundle runs no code).
 */
public final class BundleTaskSource implements TaskSource {
  private final String id;
  private final Bundle bundle;
  private final String folder;
  private final Set<String> files;

  public BundleTaskSource(String id, Bundle bundle, String folder) {
    this.id = id;
    this.bundle = bundle;
    this.folder = folder;
    Set<String> found = new TreeSet<>();
    Enumeration<URL> entries = bundle.findEntries(folder, "*", true);
    String prefix = "/" + folder + "/";
    if (entries != null) {
      for (URL url : Collections.list(entries)) {
        String path = url.getPath();
        if (!path.endsWith("/") && path.startsWith(prefix)) {
          found.add(path.substring(prefix.length()));
        }
      }
    }
    if (found.isEmpty()) {
      throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "bundle " + bundle.getSymbolicName() + " (plugin " + id
          + "): LmEval-Tasks names folder '" + folder + "', which holds no files in the bundle");
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
    URL entry = files.contains(path) ? bundle.getEntry(folder + "/" + path) : null;
    if (entry == null) {
      throw new NoSuchFileException(path, null, "not in task source '" + id + "' (bundle "
          + bundle.getSymbolicName() + ", folder " + folder + ")");
    }
    return entry.openStream();
  }

  @Override
  public String toString() {
    return "BundleTaskSource[" + id + ", " + bundle.getSymbolicName() + "!/" + folder + "]";
  }
}
