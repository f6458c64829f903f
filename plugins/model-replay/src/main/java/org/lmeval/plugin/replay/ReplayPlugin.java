package org.lmeval.plugin.replay;

import java.util.Collection;
import java.util.List;
import org.lmeval.api.Plugin;
import org.lmeval.api.model.ModelBackend;

/** Contributes the {@code replay} model backend. */
public final class ReplayPlugin implements Plugin {
  @Override
  public Collection<ModelBackend> modelBackends() {
    return List.of(new ReplayModelBackend());
  }
}
