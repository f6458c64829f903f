package org.lmeval.platform.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.lmeval.api.ApiVersion;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.platform.util.Suggestions;

/**
 * What a plugin's manifest says about it, read strictly: {@code LmEval-Plugin-Id} and
 * {@code LmEval-Api-Version} are required, unknown {@code LmEval-*} headers are rejected.
 *
 * @param id the plugin id ({@code LmEval-Plugin-Id}), kebab-case
 * @param version {@code Bundle-Version}, else {@code Implementation-Version}, else ""
 * @param apiVersion the API version the plugin was built for ({@code LmEval-Api-Version})
 * @param tasksFolder the folder of task YAML inside the jar ({@code LmEval-Tasks}), or "" for none
 * @param symbolicName the OSGi {@code Bundle-SymbolicName} without directives, or "" for a plain jar
 * @param bundleClassPath the {@code Bundle-ClassPath} entries other than {@code .}, in order
 */
public record PluginDescriptor(String id, String version, ApiVersion apiVersion, String tasksFolder,
    String symbolicName, List<String> bundleClassPath) {

  /** Manifest header: the plugin id. */
  public static final String PLUGIN_ID = "LmEval-Plugin-Id";
  /** Manifest header: the API version the plugin was built for, {@code major.minor}. */
  public static final String API_VERSION = "LmEval-Api-Version";
  /** Manifest header: the folder inside the jar that holds task YAML. */
  public static final String TASKS = "LmEval-Tasks";
  /** Every {@code LmEval-*} header the kernel knows. */
  public static final List<String> KNOWN_HEADERS = List.of(PLUGIN_ID, API_VERSION, TASKS);

  private static final String ID_PATTERN = "[a-z0-9][a-z0-9-]*";

  public PluginDescriptor {
    bundleClassPath = List.copyOf(bundleClassPath);
  }

  /** Reads a jar manifest; {@code source} names the jar in messages. */
  public static PluginDescriptor read(Manifest manifest, String source) {
    if (manifest == null) {
      throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, source + " has no META-INF/MANIFEST.MF; a plugin "
          + "jar declares " + PLUGIN_ID + " and " + API_VERSION + " in its manifest");
    }
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<Object, Object> e : manifest.getMainAttributes().entrySet()) {
      headers.put(((Attributes.Name) e.getKey()).toString(), String.valueOf(e.getValue()));
    }
    return read(headers::get, new ArrayList<>(headers.keySet()), source);
  }

  /**
   * Reads manifest headers through a lookup (an OSGi bundle's headers, a jar manifest).
   *
   * @param header the value of a header, or null if absent
   * @param headerNames every header name present, to find unknown {@code LmEval-*} headers
   * @param source names the jar or bundle in messages
   */
  public static PluginDescriptor read(Function<String, String> header, List<String> headerNames, String source) {
    List<String> unknown = new ArrayList<>();
    for (String name : headerNames) {
      if (name.toLowerCase(Locale.ROOT).startsWith("lmeval-")
          && KNOWN_HEADERS.stream().noneMatch(k -> k.equalsIgnoreCase(name))) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      String name = unknown.get(0);
      throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, source + ": unknown manifest header '" + name + "'"
          + Suggestions.didYouMean(name, KNOWN_HEADERS) + " (known LmEval-* headers: "
          + String.join(", ", KNOWN_HEADERS) + ")");
    }
    String id = trimmed(header.apply(PLUGIN_ID));
    if (id.isEmpty()) {
      throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, source + " is not an lm-eval plugin: its manifest has no "
          + PLUGIN_ID + " header (plugins are built with the plugin parent pom or declare " + PLUGIN_ID + " and "
          + API_VERSION + " themselves)");
    }
    if (!id.matches(ID_PATTERN)) {
      throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, source + ": " + PLUGIN_ID + " '" + id
          + "' is not valid: plugin ids are kebab-case and match " + ID_PATTERN);
    }
    String api = trimmed(header.apply(API_VERSION));
    if (api.isEmpty()) {
      throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, source + " (plugin " + id + "): the manifest has no "
          + API_VERSION + " header; it names the lmeval-api version the plugin was built for, e.g. "
          + ApiVersion.current());
    }
    ApiVersion apiVersion;
    try {
      apiVersion = ApiVersion.parse(api);
    } catch (IllegalArgumentException e) {
      throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, source + " (plugin " + id + "): " + API_VERSION + " '"
          + api + "' is not an API version (expected major.minor, e.g. " + ApiVersion.current() + ")");
    }
    String version = trimmed(header.apply("Bundle-Version"));
    if (version.isEmpty()) {
      version = trimmed(header.apply("Implementation-Version"));
    }
    String tasks = trimmed(header.apply(TASKS));
    while (tasks.startsWith("/")) {
      tasks = tasks.substring(1);
    }
    while (tasks.endsWith("/")) {
      tasks = tasks.substring(0, tasks.length() - 1);
    }
    if (List.of(tasks.split("/")).contains("..")) {
      throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, source + " (plugin " + id + "): " + TASKS + " '"
          + header.apply(TASKS) + "' must be a folder inside the jar, without '..'");
    }
    String symbolicName = trimmed(header.apply("Bundle-SymbolicName"));
    int semicolon = symbolicName.indexOf(';');
    if (semicolon >= 0) {
      symbolicName = symbolicName.substring(0, semicolon).trim();
    }
    List<String> classPath = new ArrayList<>();
    for (String entry : trimmed(header.apply("Bundle-ClassPath")).split(",")) {
      String e = entry.trim();
      int directive = e.indexOf(';');
      if (directive >= 0) {
        e = e.substring(0, directive).trim();
      }
      while (e.startsWith("/")) {
        e = e.substring(1);
      }
      if (List.of(e.split("/")).contains("..")) {
        throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, source + " (plugin " + id + "): Bundle-ClassPath entry '"
            + e + "' must be inside the jar, without '..'");
      }
      if (!e.isEmpty() && !e.equals(".")) {
        classPath.add(e);
      }
    }
    return new PluginDescriptor(id, version, apiVersion, tasks, symbolicName, classPath);
  }

  /** Whether this is an OSGi bundle (it has a {@code Bundle-SymbolicName}). */
  public boolean isBundle() {
    return !symbolicName.isEmpty();
  }

  /** The {@code LmEval-Tasks} folder, if any. */
  public Optional<String> tasks() {
    return tasksFolder.isEmpty() ? Optional.empty() : Optional.of(tasksFolder);
  }

  /** "id version" or just "id" when the version is unknown. */
  public String label() {
    return version.isEmpty() ? id : id + " " + version;
  }

  /**
   * Checks that the plugin runs on {@code runtime}: the majors are equal and the plugin's minor is not newer.
   * Otherwise {@code PLUGIN_INCOMPATIBLE}, naming both versions.
   */
  public void checkCompatible(ApiVersion runtime, String source) {
    if (runtime.accepts(apiVersion)) {
      return;
    }
    String why = runtime.major() != apiVersion.major()
        ? "the major versions differ; rebuild the plugin against lmeval-api " + runtime.major() + ".x"
        : "it needs a newer runtime (api " + apiVersion + " or later with major " + runtime.major()
            + "); upgrade lm-eval-java or use a plugin release built for api " + runtime;
    throw new EvalException(ErrorCode.PLUGIN_INCOMPATIBLE, "plugin " + label() + " (" + source
        + ") was built for api " + apiVersion + ", runtime api is " + runtime + ": " + why);
  }

  private static String trimmed(String s) {
    return s == null ? "" : s.trim();
  }
}
