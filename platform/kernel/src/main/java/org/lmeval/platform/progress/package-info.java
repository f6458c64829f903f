/** Progress bars for long phases. */
package org.lmeval.platform.progress;
