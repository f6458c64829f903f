/** A fake Hugging Face Hub on loopback, for tests of Hub clients (model and dataset repos). */
package org.lmeval.testkit.hub;
