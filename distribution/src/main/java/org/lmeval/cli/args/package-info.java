/**
 * lm-eval 0.4.13's command-line value parsers, reproduced exactly: the {@code key=value} dict flags
 * ({@link org.lmeval.cli.args.KeyValueArgs}, rule P1), {@code simple_parse_args_string}
 * ({@link org.lmeval.cli.args.SimpleArgs}, rule P2), {@code --seed}, {@code --samples}, {@code --batch_size},
 * and Python's {@code int()}, {@code float()} and {@code str.isnumeric()} on which they rest.
 */
package org.lmeval.cli.args;
