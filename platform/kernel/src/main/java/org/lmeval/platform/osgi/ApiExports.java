package org.lmeval.platform.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.lmeval.api.ApiVersion;

/**
 * The packages the Felix system bundle exports on behalf of the host: every package of {@code lmeval-api}, at
 * {@link ApiVersion#current()} ({@code org.osgi.framework.system.packages.extra}). Computed, never kept by hand:
 * from the api module's exports when it is a named module, else from the api jar's {@code Export-Package}
 * header, else from the packages of its classes. The api jar's {@code LmEval-Api-Version} must agree with
 * {@code ApiVersion.current()}.
 */
public final class ApiExports {
  private ApiExports() {}

  /** The value of {@code org.osgi.framework.system.packages.extra}: {@code org.lmeval.api;version="1.0.0",...}. */
  public static String systemPackagesExtra() {
    String version = osgiVersion(ApiVersion.current());
    List<String> clauses = new ArrayList<>();
    for (String p : packages()) {
      clauses.add(p + ";version=\"" + version + "\"");
    }
    return String.join(",", clauses);
  }

  /** "1.0.0" for api 1.0. */
  public static String osgiVersion(ApiVersion v) {
    return v.major() + "." + v.minor() + ".0";
  }

  /** The api's packages, sorted. */
  public static Set<String> packages() {
    Module module = ApiVersion.class.getModule();
    if (module.isNamed()) {
      Set<String> exported = new TreeSet<>();
      for (ModuleDescriptor.Exports e : module.getDescriptor().exports()) {
        if (!e.isQualified()) {
          exported.add(e.source());
        }
      }
      return exported;
    }
    Path location = apiLocation();
    try {
      if (Files.isRegularFile(location)) {
        try (JarFile jar = new JarFile(location.toFile())) {
          Manifest manifest = jar.getManifest();
          checkManifestVersion(manifest, location);
          String header = manifest == null ? null : manifest.getMainAttributes().getValue("Export-Package");
          if (header != null && !header.isBlank()) {
            return packagesOfHeader(header);
          }
          return packagesOfEntries(jar.stream().map(java.util.zip.ZipEntry::getName));
        }
      }
      Path mf = location.resolve("META-INF/MANIFEST.MF");
      if (Files.isRegularFile(mf)) {
        try (InputStream in = Files.newInputStream(mf)) {
          checkManifestVersion(new Manifest(in), location);
        }
      }
      try (Stream<Path> walk = Files.walk(location)) {
        return packagesOfEntries(walk.filter(Files::isRegularFile)
            .map(p -> location.relativize(p).toString().replace('\\', '/')));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the lmeval-api classes at " + location + ": " + e, e);
    }
  }

  /** The package names of an OSGi {@code Export-Package} header, sorted. */
  static Set<String> packagesOfHeader(String header) {
    Set<String> packages = new TreeSet<>();
    for (String clause : splitOutsideQuotes(header, ',')) {
      String name = splitOutsideQuotes(clause, ';').get(0).trim();
      if (!name.isEmpty()) {
        packages.add(name);
      }
    }
    return packages;
  }

  private static Set<String> packagesOfEntries(Stream<String> entries) {
    Set<String> packages = new TreeSet<>();
    entries.filter(n -> n.startsWith("org/lmeval/api/") && n.endsWith(".class") && !n.endsWith("module-info.class"))
        .forEach(n -> packages.add(n.substring(0, n.lastIndexOf('/')).replace('/', '.')));
    if (packages.isEmpty()) {
      throw new IllegalStateException("found no org.lmeval.api classes next to " + ApiVersion.class.getName());
    }
    return packages;
  }

  private static void checkManifestVersion(Manifest manifest, Path location) {
    String declared = manifest == null ? null : manifest.getMainAttributes().getValue("LmEval-Api-Version");
    if (declared != null && !ApiVersion.parse(declared).equals(ApiVersion.current())) {
      throw new IllegalStateException("the lmeval-api jar " + location + " declares LmEval-Api-Version " + declared
          + " but its version.properties says " + ApiVersion.current());
    }
  }

  private static Path apiLocation() {
    CodeSource cs = ApiVersion.class.getProtectionDomain().getCodeSource();
    if (cs == null || cs.getLocation() == null) {
      throw new IllegalStateException("cannot locate the lmeval-api classes (no code source for "
          + ApiVersion.class.getName() + ")");
    }
    try {
      return Path.of(cs.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot locate the lmeval-api classes at " + cs.getLocation(), e);
    }
  }

  private static List<String> splitOutsideQuotes(String s, char separator) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (char c : s.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == separator && !quoted) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }
}
