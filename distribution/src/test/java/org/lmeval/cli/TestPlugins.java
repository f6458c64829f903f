package org.lmeval.cli;

import java.util.Collection;
import java.util.List;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.Plugin;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.ModelBackend;

/** Plugins for CLI tests: they register names; nothing here is ever opened (the runner is a recorder). */
final class TestPlugins {
  private TestPlugins() {}

  /** Model backends named "dummy" and "hf". */
  static final class Models implements Plugin {
    @Override
    public Collection<ModelBackend> modelBackends() {
      return List.of(new NamedBackend("dummy", "answers at random"), new NamedBackend("hf", ""));
    }
  }

  /** A second plugin that also registers "dummy": it fails to load (duplicate name). */
  static final class Clashing implements Plugin {
    @Override
    public Collection<ModelBackend> modelBackends() {
      return List.of(new NamedBackend("dummy", ""));
    }
  }

  record NamedBackend(String name, String description) implements ModelBackend {
    @Override
    public LanguageModel open(Options modelArgs) {
      throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "test backend '" + name + "' cannot be opened");
    }
  }
}
