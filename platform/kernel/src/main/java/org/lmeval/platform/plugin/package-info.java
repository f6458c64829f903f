/** Plugin discovery, class loading and the component registry. */
package org.lmeval.platform.plugin;
