package org.lmeval.plugin.dummy;

import java.util.Collection;
import java.util.List;
import org.lmeval.api.Plugin;
import org.lmeval.api.model.ModelBackend;

/** Contributes lm-eval's {@code dummy} model. */
public final class DummyPlugin implements Plugin {
  @Override
  public Collection<ModelBackend> modelBackends() {
    return List.of(new DummyModelBackend());
  }
}
