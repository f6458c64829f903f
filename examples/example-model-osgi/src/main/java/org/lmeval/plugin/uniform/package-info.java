/**
 * The {@code example-model-osgi} plugin: the {@code uniform-bytes} model backend, a baseline that gives every
 * byte the same probability 1/256. An OSGi bundle built with the plugin parent pom: see
 * {@code docs/writing-a-plugin.md}.
 */
package org.lmeval.plugin.uniform;
