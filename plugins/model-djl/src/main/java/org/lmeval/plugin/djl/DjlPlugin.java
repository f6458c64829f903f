package org.lmeval.plugin.djl;

import java.util.Collection;
import java.util.List;
import org.lmeval.api.Plugin;
import org.lmeval.api.model.ModelBackend;

/** Contributes the {@code djl} model backend. */
public final class DjlPlugin implements Plugin {
  @Override
  public Collection<ModelBackend> modelBackends() {
    return List.of(new DjlModelBackend());
  }
}
