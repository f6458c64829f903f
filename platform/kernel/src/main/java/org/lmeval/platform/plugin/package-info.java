/**
 * Plugin discovery, class loading and the component registry (B4, B5). Sources
 * ({@link org.lmeval.platform.plugin.ClasspathPluginSource},
 * {@link org.lmeval.platform.plugin.DirectoryPluginSource}, the OSGi source) turn entries into
 * {@link org.lmeval.platform.plugin.PluginLoad}s; {@link org.lmeval.platform.plugin.PluginRegistry#install} is the
 * one path into the registry, where every component is wrapped for the boundary.
 */
package org.lmeval.platform.plugin;
