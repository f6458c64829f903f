/**
 * Dataset providers for local data: the offline mirror in Hugging Face layout ({@code dataset_dir}) and
 * Hugging Face {@code datasets}' generic loaders over local files ({@code json}, {@code csv}, {@code text}
 * with {@code data_files}).
 */
package org.lmeval.plugin.datasets;
