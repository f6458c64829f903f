/**
 * The boundary between the kernel and plugin code (architecture B6). Every SPI object the registry hands out is
 * a {@code ClassLoaderSafe*} wrapper that calls through a {@link org.lmeval.platform.boundary.Boundary}: the
 * plugin's class loader as TCCL, failures translated into {@link org.lmeval.api.EvalException}s naming the
 * plugin, results checked by {@link org.lmeval.platform.boundary.ResultValidator}, unread options rejected by
 * {@link org.lmeval.platform.boundary.UnreadOptions}, calls timed at DEBUG.
 */
package org.lmeval.platform.boundary;
