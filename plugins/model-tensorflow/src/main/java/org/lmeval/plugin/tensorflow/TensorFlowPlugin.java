package org.lmeval.plugin.tensorflow;

import java.util.Collection;
import java.util.List;
import org.lmeval.api.Plugin;
import org.lmeval.api.model.ModelBackend;

/** Contributes the {@code tensorflow} model backend. */
public final class TensorFlowPlugin implements Plugin {
  @Override
  public Collection<ModelBackend> modelBackends() {
    return List.of(new TensorFlowModelBackend());
  }
}
