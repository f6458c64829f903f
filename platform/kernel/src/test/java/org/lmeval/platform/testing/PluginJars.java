package org.lmeval.platform.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.lmeval.api.Plugin;

/**
 * Builds plugin jars on the fly for tests, in the style of the Felix tests: compile small Java sources with
 * {@code javax.tools} against the api classes, then write a jar with a manifest through {@link JarOutputStream}.
 */
public final class PluginJars {
  private PluginJars() {}

  /** Where the api classes are (a jar or a classes folder). */
  public static Path apiLocation() {
    return locationOf(Plugin.class);
  }

  /** The jar or classes folder a class was loaded from. */
  public static Path locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Compiles {@code sources} (fully qualified class name to source text) against the api plus {@code classpath}
   * into {@code outDir}; fails the test with the compiler's messages if they do not compile.
   */
  public static Path compile(Path outDir, Map<String, String> sources, Path... classpath) throws IOException {
    Path src = Files.createDirectories(outDir.resolveSibling(outDir.getFileName() + "-src"));
    Files.createDirectories(outDir);
    List<String> files = new ArrayList<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
      files.add(file.toString());
    }
    StringBuilder cp = new StringBuilder(apiLocation().toString());
    for (Path p : classpath) {
      cp.append(java.io.File.pathSeparator).append(p);
    }
    List<String> args = new ArrayList<>(List.of("-d", outDir.toString(), "-classpath", cp.toString(),
        "--release", "17", "-proc:none", "-nowarn", "-encoding", "UTF-8"));
    args.addAll(files);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter messages = new StringWriter();
    java.io.PrintWriter out = new java.io.PrintWriter(messages);
    int rc = javac.run(null, new OutputStream() {
      @Override
      public void write(int b) {
        out.write(b);
      }
    }, new OutputStream() {
      @Override
      public void write(int b) {
        out.write(b);
      }
    }, args.toArray(String[]::new));
    out.flush();
    if (rc != 0) {
      throw new AssertionError("test plugin sources do not compile:\n" + messages);
    }
    return outDir;
  }

  /** A new jar description. */
  public static Builder jar() {
    return new Builder();
  }

  /** Collects a manifest and entries, then writes the jar. */
  public static final class Builder {
    private final Manifest manifest = new Manifest();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final List<String> services = new ArrayList<>();

    private Builder() {
      manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    }

    /** A plugin manifest: {@code LmEval-Plugin-Id}, {@code LmEval-Api-Version}, {@code Implementation-Version}. */
    public Builder plugin(String id, String apiVersion, String version) {
      return header("LmEval-Plugin-Id", id).header("LmEval-Api-Version", apiVersion)
          .header("Implementation-Version", version);
    }

    public Builder header(String name, String value) {
      manifest.getMainAttributes().put(new Attributes.Name(name), value);
      return this;
    }

    /** Lists an entry point in {@code META-INF/services/org.lmeval.api.Plugin}. */
    public Builder service(String className) {
      services.add(className);
      return this;
    }

    /** Adds every class file of {@code classesDir} whose path starts with {@code packagePath} (e.g. "good/"). */
    public Builder classes(Path classesDir, String packagePath) throws IOException {
      try (Stream<Path> walk = Files.walk(classesDir)) {
        for (Path p : walk.filter(Files::isRegularFile).toList()) {
          String name = classesDir.relativize(p).toString().replace('\\', '/');
          if (name.startsWith(packagePath)) {
            entries.put(name, Files.readAllBytes(p));
          }
        }
      }
      return this;
    }

    public Builder entry(String path, byte[] content) {
      entries.put(path, content);
      return this;
    }

    public Builder entry(String path, String content) {
      return entry(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The jar as bytes (to embed it in another jar). */
    public byte[] bytes() throws IOException {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      try (JarOutputStream out = new JarOutputStream(buffer, manifest)) {
        if (!services.isEmpty()) {
          out.putNextEntry(new JarEntry("META-INF/services/org.lmeval.api.Plugin"));
          out.write(("# entry points\n" + String.join("\n", services) + "\n").getBytes(StandardCharsets.UTF_8));
          out.closeEntry();
        }
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
          out.putNextEntry(new JarEntry(e.getKey()));
          out.write(e.getValue());
          out.closeEntry();
        }
      }
      return buffer.toByteArray();
    }

    public Path write(Path jar) throws IOException {
      Files.createDirectories(jar.getParent());
      Files.write(jar, bytes());
      return jar;
    }
  }
}
