package org.lmeval.platform.plugin;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ApiVersion;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

class PluginDescriptorTest {
  private static Manifest manifest(Map<String, String> headers) {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    headers.forEach((k, v) -> m.getMainAttributes().put(new Attributes.Name(k), v));
    return m;
  }

  @Test
  void readsABundleManifest() {
    PluginDescriptor d = PluginDescriptor.read(manifest(Map.of(
        "LmEval-Plugin-Id", "model-http", "LmEval-Api-Version", "1.0", "Bundle-Version", "1.2.0",
        "Implementation-Version", "ignored", "Bundle-SymbolicName", "org.lmeval.plugin.http;singleton:=true",
        "Bundle-ClassPath", ".,lib/okhttp.jar, lib/okio.jar;x=y", "LmEval-Tasks", "/META-INF/lmeval/tasks/")), "a.jar");
    assertEquals("model-http", d.id());
    assertEquals("1.2.0", d.version());
    assertEquals(new ApiVersion(1, 0), d.apiVersion());
    assertEquals("org.lmeval.plugin.http", d.symbolicName());
    assertTrue(d.isBundle());
    assertEquals(List.of("lib/okhttp.jar", "lib/okio.jar"), d.bundleClassPath());
    assertEquals("META-INF/lmeval/tasks", d.tasks().orElseThrow());
    assertEquals("model-http 1.2.0", d.label());
  }

  @Test
  void plainJarTakesImplementationVersion() {
    PluginDescriptor d = PluginDescriptor.read(manifest(Map.of(
        "LmEval-Plugin-Id", "example-metric", "LmEval-Api-Version", "1", "Implementation-Version", "0.1.0")), "x");
    assertEquals("0.1.0", d.version());
    assertFalse(d.isBundle());
    assertEquals(new ApiVersion(1, 0), d.apiVersion());
    assertTrue(d.tasks().isEmpty());
    assertEquals(List.of(), d.bundleClassPath());
  }

  @Test
  void requiredHeadersAndFormsAreChecked() {
    assertMessage("x.jar is not an lm-eval plugin: its manifest has no LmEval-Plugin-Id header", Map.of());
    assertMessage("x.jar (plugin p): the manifest has no LmEval-Api-Version header",
        Map.of("LmEval-Plugin-Id", "p"));
    assertMessage("x.jar (plugin p): LmEval-Api-Version 'one' is not an API version",
        Map.of("LmEval-Plugin-Id", "p", "LmEval-Api-Version", "one"));
    assertMessage("x.jar: LmEval-Plugin-Id 'My_Plugin' is not valid: plugin ids are kebab-case",
        Map.of("LmEval-Plugin-Id", "My_Plugin", "LmEval-Api-Version", "1.0"));
    assertMessage("x.jar: unknown manifest header 'LmEval-Api-Versoin'; did you mean 'LmEval-Api-Version'?",
        Map.of("LmEval-Plugin-Id", "p", "LmEval-Api-Version", "1.0", "LmEval-Api-Versoin", "1.0"));
    assertMessage("x.jar (plugin p): LmEval-Tasks '../up' must be a folder inside the jar",
        Map.of("LmEval-Plugin-Id", "p", "LmEval-Api-Version", "1.0", "LmEval-Tasks", "../up"));
    assertMessage("x.jar (plugin p): Bundle-ClassPath entry '../lib/a.jar' must be inside the jar",
        Map.of("LmEval-Plugin-Id", "p", "LmEval-Api-Version", "1.0", "Bundle-ClassPath", ".,../lib/a.jar"));
    EvalException none = assertThrows(EvalException.class, () -> PluginDescriptor.read(null, "x.jar"));
    assertTrue(none.getMessage().startsWith("x.jar has no META-INF/MANIFEST.MF"));
  }

  private static void assertMessage(String start, Map<String, String> headers) {
    EvalException e = assertThrows(EvalException.class, () -> PluginDescriptor.read(manifest(headers), "x.jar"));
    assertEquals(ErrorCode.PLUGIN_LOAD_FAILED, e.code());
    assertTrue(e.getMessage().startsWith(start), e.getMessage());
  }

  @Test
  void apiCompatibilityIsSameMajorAndNoNewerMinor() {
    ApiVersion runtime = new ApiVersion(1, 2);
    PluginDescriptor older = descriptor("1.0");
    PluginDescriptor same = descriptor("1.2");
    assertDoesNotThrow(() -> older.checkCompatible(runtime, "src"));
    assertDoesNotThrow(() -> same.checkCompatible(runtime, "src"));
    EvalException newer = assertThrows(EvalException.class, () -> descriptor("1.3").checkCompatible(runtime, "src"));
    assertEquals(ErrorCode.PLUGIN_INCOMPATIBLE, newer.code());
    assertEquals("plugin p 9 (src) was built for api 1.3, runtime api is 1.2: it needs a newer runtime (api 1.3 or "
        + "later with major 1); upgrade lm-eval-java or use a plugin release built for api 1.2", newer.getMessage());
    EvalException major = assertThrows(EvalException.class, () -> descriptor("0.9").checkCompatible(runtime, "src"));
    assertEquals("plugin p 9 (src) was built for api 0.9, runtime api is 1.2: the major versions differ; rebuild the "
        + "plugin against lmeval-api 1.x", major.getMessage());
  }

  private static PluginDescriptor descriptor(String api) {
    return PluginDescriptor.read(manifest(Map.of("LmEval-Plugin-Id", "p", "LmEval-Api-Version", api,
        "Implementation-Version", "9")), "src");
  }
}
