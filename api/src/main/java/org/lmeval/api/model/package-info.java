/** Model backends and the three request types. */
package org.lmeval.api.model;
