package org.lmeval.plugin.datasets;

import java.util.Collection;
import java.util.List;
import org.lmeval.api.Plugin;
import org.lmeval.api.dataset.DatasetProvider;

/** Registers the {@code local-files}, {@code dataset-dir} and {@code hf-hub} dataset providers. */
public final class LocalDatasetsPlugin implements Plugin {
  @Override
  public Collection<DatasetProvider> datasetProviders() {
    return List.of(new LocalFilesDatasetProvider(), new MirrorDatasetProvider(), new HubDatasetProvider());
  }
}
