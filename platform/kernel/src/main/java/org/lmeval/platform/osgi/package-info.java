/**
 * OSGi mode (B5): an embedded framework (Felix, found through {@code FrameworkFactory}) hosts the plugin bundles
 * of {@code plugins/}; {@link org.lmeval.platform.osgi.PluginExtender} reads each bundle's metadata and creates
 * its entry points (the extender pattern, bundles contain no OSGi code), and
 * {@link org.lmeval.platform.osgi.ApiExports} computes what the system bundle exports.
 */
package org.lmeval.platform.osgi;
