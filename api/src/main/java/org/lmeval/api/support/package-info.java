/**
 * Exact re-implementations of the Python behaviours lm-eval's numbers depend on (CPython 3.11's
 * {@code random.Random}, {@code str} methods, {@code re}). JDK-only, so plugins can use them too.
 */
package org.lmeval.api.support;
