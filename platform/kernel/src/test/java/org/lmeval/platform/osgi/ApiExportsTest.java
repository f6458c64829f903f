package org.lmeval.platform.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ApiVersion;
import org.lmeval.platform.testing.PluginJars;

class ApiExportsTest {
  @Test
  void exportsEveryPackageTheApiModuleExportsAtTheApiVersion() {
    ModuleReference api = ModuleFinder.of(PluginJars.apiLocation()).findAll().iterator().next();
    Set<String> expected = new TreeSet<>();
    for (ModuleDescriptor.Exports e : api.descriptor().exports()) {
      expected.add(e.source());
    }
    assertEquals(expected, ApiExports.packages());
    assertTrue(expected.contains("org.lmeval.api.model"), expected.toString());
    String extra = ApiExports.systemPackagesExtra();
    String version = ApiExports.osgiVersion(ApiVersion.current());
    assertEquals(ApiVersion.current() + ".0", version);
    for (String p : expected) {
      assertTrue(extra.contains(p + ";version=\"" + version + "\""), extra);
    }
    assertEquals(expected.size(), extra.split(",").length);
  }

  @Test
  void parsesExportPackageHeadersWithQuotedUses() {
    assertEquals(Set.of("org.lmeval.api", "org.lmeval.api.model"), ApiExports.packagesOfHeader(
        "org.lmeval.api;version=\"1.0\";uses:=\"org.lmeval.api.model,org.lmeval.api.metric\","
            + "org.lmeval.api.model;version=\"1.0\""));
  }
}
