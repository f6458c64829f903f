/**
 * lm-eval's built-in response filters: {@code take_first}, {@code take_first_k}, {@code majority_vote},
 * {@code regex}, {@code regex_pos}, {@code multi_choice_regex}, {@code remove_whitespace}, {@code lowercase},
 * {@code uppercase} and {@code map}, with lm-eval 0.4.13's Python semantics; and the filter classes of lm-eval's
 * {@code bbh/zeroshot/utils.py} and {@code bbh/cot_zeroshot/utils.py} ({@code MapRegexFilter},
 * {@code NumberParseRegexFilter}, {@code WordSortFilter}, {@code MultiChoiceRegexFilter}), registered under the
 * dotted names their {@code !function} filter steps resolve to.
 */
package org.lmeval.plugin.filters;
