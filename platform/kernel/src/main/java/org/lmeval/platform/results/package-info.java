/**
 * lm-eval's outputs: the results dictionary ({@link org.lmeval.platform.results.ResultsAssembler}), the
 * results and samples files ({@link org.lmeval.platform.results.ResultsWriter},
 * {@link org.lmeval.platform.results.OutputPaths}) and the printed tables
 * ({@link org.lmeval.platform.results.TableFormatter}, {@link org.lmeval.platform.results.MarkdownTable}).
 */
package org.lmeval.platform.results;
