/**
 * The {@code process_docs} functions of popular lm-eval tasks, in Java, registered as
 * {@link org.lmeval.api.task.DocTransform}s under lm-eval's dotted names (task folder, module, function).
 */
package org.lmeval.plugin.transforms;
