/** Prompt templates: Jinja2 as Python renders it. */
package org.lmeval.platform.template;
