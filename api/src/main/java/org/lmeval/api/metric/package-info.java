/** Metrics and aggregations. */
package org.lmeval.api.metric;
