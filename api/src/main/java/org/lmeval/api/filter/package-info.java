/** Response filters. */
package org.lmeval.api.filter;
