/**
 * The {@code lm-eval} command: {@link org.lmeval.cli.Main} parses the command line the way lm-eval
 * 0.4.13 does ({@code run} with every flag of lm-eval's {@code run}, {@code ls}, {@code validate}) plus
 * {@code plugins}, starts the kernel and maps every error to one line and an exit code
 * ({@link org.lmeval.cli.ExitCodes}).
 */
package org.lmeval.cli;
