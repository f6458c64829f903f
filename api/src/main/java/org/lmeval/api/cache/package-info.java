/** Response caches. */
package org.lmeval.api.cache;
