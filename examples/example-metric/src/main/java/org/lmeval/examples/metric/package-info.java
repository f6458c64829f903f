/**
 * The {@code example-metric} plugin: {@code response_length}, the length in code points of a task's filtered
 * generation. A plain jar plugin: see {@code docs/writing-a-plugin.md}.
 */
package org.lmeval.examples.metric;
