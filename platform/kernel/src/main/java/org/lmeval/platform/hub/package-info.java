/**
 * The Hugging Face Hub, spoken by the kernel: its HTTP protocol ({@link org.lmeval.platform.hub.HubClient}),
 * the {@code huggingface_hub} cache layout shared with Python ({@link org.lmeval.platform.hub.HubCache}) and
 * {@code snapshot_download} for model repos ({@link org.lmeval.platform.hub.HubModelSnapshots}), which backends
 * reach through {@code ModelContext.hub()}. The kernel owns the cache and the credentials: plugins never see
 * the token.
 */
package org.lmeval.platform.hub;
