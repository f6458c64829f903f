/** Sample plugins for the harness tests. */
package org.lmeval.testkit.sample;
