/**
 * The {@code process_docs} and {@code doc_to_*} functions of popular lm-eval tasks, in Java, registered as
 * {@link org.lmeval.api.task.DocTransform}s and {@link org.lmeval.api.task.DocFunction}s under lm-eval's dotted
 * names (task folder, module, function).
 */
package org.lmeval.plugin.transforms;
