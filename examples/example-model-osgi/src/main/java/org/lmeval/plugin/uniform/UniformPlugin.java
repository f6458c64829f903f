package org.lmeval.plugin.uniform;

import java.util.Collection;
import java.util.List;
import org.lmeval.api.Plugin;
import org.lmeval.api.model.ModelBackend;

/** The entry point, listed in {@code META-INF/services/org.lmeval.api.Plugin}. */
public final class UniformPlugin implements Plugin {
  @Override
  public Collection<ModelBackend> modelBackends() {
    return List.of(new UniformBytesModelBackend());
  }
}
