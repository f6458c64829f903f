/** Test helpers: plugin jars built on the fly. */
package org.lmeval.platform.testing;
