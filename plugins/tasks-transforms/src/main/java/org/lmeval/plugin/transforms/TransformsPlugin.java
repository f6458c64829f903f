package org.lmeval.plugin.transforms;

import java.util.Collection;
import java.util.List;
import org.lmeval.api.Plugin;
import org.lmeval.api.task.DocFunction;
import org.lmeval.api.task.DocTransform;

/** Registers the doc transforms and doc functions of this plugin. */
public final class TransformsPlugin implements Plugin {
  @Override
  public Collection<DocTransform> docTransforms() {
    return List.of(new HellaswagProcessDocs());
  }

  @Override
  public Collection<DocFunction> docFunctions() {
    return WinograndeFunctions.all();
  }
}
