package org.lmeval.plugin.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.lmeval.api.Plugin;
import org.lmeval.api.model.ModelBackend;

class TensorFlowPluginTest {
  @Test
  void registersTheTensorflowBackendOnly() {
    assertEquals(List.of("tensorflow"),
        new TensorFlowPlugin().modelBackends().stream().map(ModelBackend::name).toList());
    // the hf library jar from model-djl carries no service entry: no duplicate "djl" backend here
    List<String> providers = ServiceLoader.load(Plugin.class).stream().map(p -> p.type().getName())
        .filter(n -> n.startsWith("org.lmeval.plugin.")).toList();
    assertEquals(List.of(TensorFlowPlugin.class.getName()), providers);
  }
}
