/** Task sources and document transforms. */
package org.lmeval.api.task;
