/** The kernel facade. */
package org.lmeval.platform;
