/**
 * The Hugging Face Hub, spoken by the kernel: its HTTP protocol ({@link org.lmeval.platform.hub.HubClient}),
 * the {@code huggingface_hub} cache layout shared with Python ({@link org.lmeval.platform.hub.HubCache}),
 * {@code snapshot_download} for model repos ({@link org.lmeval.platform.hub.HubModelSnapshots}), which backends
 * reach through {@code ModelContext.hub()}, and dataset repos ({@link org.lmeval.platform.hub.HubDatasetRepos}),
 * which dataset providers reach through {@code DatasetRequest.hub()}. The kernel owns the cache and the credentials: plugins never see
 * the token.
 */
package org.lmeval.platform.hub;
