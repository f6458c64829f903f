/** Small kernel utilities. */
package org.lmeval.platform.util;
