/**
 * The response cache {@code h2}: lm-eval's {@code --use_cache PATH} as an H2 database file (embedded, shared by
 * several processes through H2's AUTO_SERVER mode), or {@code jdbc:h2:tcp://...} for a cache that an
 * {@code lm-eval cache serve} process holds for several machines.
 *
 * <p>Every entry carries a checksum of its namespace, key and value, so a damaged file fails with
 * {@code CACHE_FAILURE} instead of answering wrongly; the schema is versioned and a file of another version is
 * refused with a clear message.
 */
package org.lmeval.plugin.h2cache;
