/**
 * lm-eval's built-in response filters: {@code take_first}, {@code take_first_k}, {@code majority_vote},
 * {@code regex}, {@code regex_pos}, {@code multi_choice_regex}, {@code remove_whitespace}, {@code lowercase},
 * {@code uppercase} and {@code map}, with lm-eval 0.4.13's Python semantics.
 */
package org.lmeval.plugin.filters;
