/** The plugin SPI: the entry point {@link org.lmeval.api.Plugin}, options, errors. JDK-only. */
package org.lmeval.api;
