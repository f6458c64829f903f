/**
 * Python value semantics the kernel reproduces exactly: {@code ast.literal_eval}, {@code repr(float)},
 * {@code json.dumps}, {@code str()/repr()} and the float arithmetic of lm-eval's metrics.
 */
package org.lmeval.platform.python;
