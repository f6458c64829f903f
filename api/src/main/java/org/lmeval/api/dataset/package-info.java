/** Dataset providers. */
package org.lmeval.api.dataset;
