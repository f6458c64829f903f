/**
 * Never compute twice: the response cache ({@code --use_cache}) and the request cache ({@code --cache_requests}).
 *
 * <ul>
 *   <li>{@link org.lmeval.platform.cache.CachingLanguageModel} sits between the kernel's {@code ModelRunner} and
 *       the model: per batch it looks every request up, sends only the misses, and commits their responses
 *       before returning (write-through), so a killed run resumes where it stopped.
 *   <li>{@link org.lmeval.platform.cache.CacheKeys} and {@link org.lmeval.platform.cache.ModelFingerprint} say what
 *       an entry is: the request type, the canonical request and repeat index, and the model (backend, canonical
 *       model args without secrets, the backend's own weights hash).
 *   <li>{@link org.lmeval.platform.cache.ResponseCaches} opens the cache a location names, through the
 *       {@code h2} plugin.
 *   <li>{@link org.lmeval.platform.cache.RequestCache} keeps a task's built instances.
 *   <li>{@link org.lmeval.platform.cache.CacheCommands} is {@code lm-eval cache stats|ls|prune|export|import|serve}.
 * </ul>
 */
package org.lmeval.platform.cache;
