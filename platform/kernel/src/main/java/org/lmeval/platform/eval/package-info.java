/** The evaluator: requests, model calls, scoring. */
package org.lmeval.platform.eval;
