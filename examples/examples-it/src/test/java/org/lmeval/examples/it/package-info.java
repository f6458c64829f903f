/** End-to-end checks of the example plugins as built jars in a plugins/ folder. */
package org.lmeval.examples.it;
