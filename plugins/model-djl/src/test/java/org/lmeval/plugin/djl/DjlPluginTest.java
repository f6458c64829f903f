package org.lmeval.plugin.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.lmeval.api.Plugin;
import org.lmeval.api.model.ModelBackend;

class DjlPluginTest {
  @Test
  void registersTheDjlBackend() {
    List<String> names = new DjlPlugin().modelBackends().stream().map(ModelBackend::name).toList();
    assertEquals(List.of("djl"), names);
  }

  @Test
  void isListedAsAServiceProvider() {
    List<String> providers = ServiceLoader.load(Plugin.class).stream()
        .map(p -> p.type().getName()).filter(n -> n.startsWith("org.lmeval.plugin.djl")).toList();
    assertEquals(List.of(DjlPlugin.class.getName()), providers);
  }
}
