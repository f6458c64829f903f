/** lm-eval's dummy model. */
package org.lmeval.plugin.dummy;
