/**
 * Shared internals of the metrics plugin: numpy and CPython float arithmetic, strict kwarg reading and the
 * output type of a sample.
 */
package org.lmeval.plugin.metrics.support;
