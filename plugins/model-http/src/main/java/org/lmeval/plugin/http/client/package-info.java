/**
 * The HTTP transport shared by every backend of the plugin: {@link org.lmeval.plugin.http.client.RequestPool}
 * keeps up to {@code num_concurrent} requests in flight on OkHttp, spreads them over replicas, retries
 * connection errors, timeouts, 5xx, 429 and unreadable answers with exponential back-off and jitter (honouring
 * {@code Retry-After}), lowers its concurrency on rate limits and raises it again as answers come back, and
 * returns results in request order.
 */
package org.lmeval.plugin.http.client;
