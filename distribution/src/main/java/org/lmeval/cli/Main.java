package org.lmeval.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import org.lmeval.api.EvalException;
import org.lmeval.platform.util.Suggestions;
import picocli.CommandLine;

/**
 * The {@code lm-eval} command. {@link #run(PrintWriter, PrintWriter, String...)} runs one command line and
 * returns its exit code ({@link ExitCodes}); {@link #main} only exits with it.
 *
 * <p>As in lm-eval 0.4.13, the first argument names the command ({@code run}, {@code ls}, {@code validate},
 * plus lm-eval-java's {@code plugins}, {@code cache} and {@code serve}); when it is an option instead,
 * {@code run} is inserted, so {@code lm-eval --model dummy --tasks x} is
 * {@code lm-eval run --model dummy --tasks x}. No arguments, or
 * {@code -h}, prints the help. Every error is one line on standard error ({@code lm-eval: error: ...});
 * the stack trace follows only at log level DEBUG.
 */
public final class Main {
  static final List<String> COMMANDS = List.of("run", "ls", "validate", "plugins", "cache", "serve");

  private Main() {}

  public static void main(String[] args) {
    Charset charset = System.console() != null ? System.console().charset() : Charset.defaultCharset();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
    System.exit(run(out, err, args));
  }

  /** Runs one command line in this process with the real environment. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(CliEnvironment.system(), out, err, args);
  }

  /** Runs one command line with the given environment (tests replace the kernel, catalog and evaluator). */
  public static int run(CliEnvironment env, PrintWriter out, PrintWriter err, String... args) {
    CliContext context = new CliContext(env, out, err);
    Level level = CliLogging.effectiveLevel(verbosityIn(args), env);
    try (CliLogging logging = CliLogging.install(level, err)) {
      try {
        return dispatch(context, List.of(args));
      } catch (Throwable t) {
        report(err, t, CliLogging.isDebug());
        return ExitCodes.forThrowable(t);
      }
    } finally {
      out.flush();
      err.flush();
    }
  }

  @SuppressWarnings("unchecked")
  private static int dispatch(CliContext context, List<String> args) {
    if (args.isEmpty() || args.get(0).equals("-h") || args.get(0).equals("--help")) {
      context.out().print(Help.topLevel(commandLine("run", context)));
      return ExitCodes.OK;
    }
    if (args.get(0).equals("--version")) {
      context.out().println(versionLine());
      return ExitCodes.OK;
    }
    String name;
    List<String> rest;
    if (args.get(0).equals("cache")) {
      return CacheCommand.run(context, args.subList(1, args.size()));
    }
    if (COMMANDS.contains(args.get(0))) {
      name = args.get(0);
      rest = args.subList(1, args.size());
      if (name.equals("run") && rest.isEmpty()) {
        context.out().print(commandLine("run", context).getUsageMessage());
        return ExitCodes.OK;
      }
    } else if (args.get(0).startsWith("-")) {
      name = "run";
      rest = args;
    } else {
      List<String> close = Suggestions.closest(args.get(0), COMMANDS, 1);
      throw CliException.usage("unknown command '" + args.get(0) + "'" + (close.isEmpty()
          ? " (commands: " + String.join(", ", COMMANDS) + "; 'lm-eval --model ... --tasks ...' runs an evaluation)"
          : "; did you mean '" + close.get(0) + "'?"));
    }
    CommandLine cmd = commandLine(name, context);
    List<String> tokens = new ArgparseTokens(cmd.getCommandSpec(), "lm-eval " + name).normalize(rest);
    CommandLine.ParseResult parsed = cmd.parseArgs(tokens.toArray(String[]::new));
    Object command = cmd.getCommand();
    if (parsed.isUsageHelpRequested() || (command instanceof ListCommand ls && ls.showsHelp())) {
      context.out().print(cmd.getUsageMessage());
      return ExitCodes.OK;
    }
    try {
      return ((Callable<Integer>) command).call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A picocli command line for one command, set up to parse as argparse does. */
  static CommandLine commandLine(String name, CliContext context) {
    Object command = switch (name) {
      case "run" -> new RunCommand(context);
      case "ls" -> new ListCommand(context);
      case "validate" -> new ValidateCommand(context);
      case "plugins" -> new PluginsCommand(context);
      case "serve" -> new ServeCommand(context);
      default -> throw new IllegalArgumentException(name);
    };
    CommandLine cmd = new CommandLine(command)
        .setCommandName("lm-eval " + name)
        .setExpandAtFiles(false)
        .setOverwrittenOptionsAllowed(true)
        .setPosixClusteredShortOptionsAllowed(true)
        .setUnmatchedArgumentsAllowed(false)
        .setOut(context.out())
        .setErr(context.err());
    cmd.setUsageHelpLongOptionsMaxWidth(28);
    if (name.equals("run")) {
      Help.groupRunOptions(cmd);
    }
    return cmd;
  }

  /** {@code lm-eval-java 0.1.0 (lm-eval 0.4.13 compatible; API 1.0; Java 17.0.15)}. */
  static String versionLine() {
    Properties p = new Properties();
    try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "lm-eval-java " + p.getProperty("version", "unknown") + " (lm-eval " + p.getProperty("lm_eval.version", "?")
        + " compatible; API " + org.lmeval.api.ApiVersion.current() + "; Java " + Runtime.version() + ")";
  }

  /** The --verbosity value in the raw arguments, if any, so that logging is set before parsing. */
  static String verbosityIn(String[] args) {
    List<String> list = new ArrayList<>(Arrays.asList(args));
    for (int i = 0; i < list.size(); i++) {
      String a = list.get(i);
      if ((a.equals("--verbosity") || a.equals("-v")) && i + 1 < list.size()) {
        return list.get(i + 1);
      }
      if (a.startsWith("--verbosity=")) {
        return a.substring("--verbosity=".length());
      }
      if (a.startsWith("-v") && !a.startsWith("--") && a.length() > 2) {
        return a.substring(2).replaceFirst("^=", "");
      }
    }
    return null;
  }

  /** One line for the user; the stack trace only when debugging. */
  static void report(PrintWriter err, Throwable t, boolean debug) {
    err.println("lm-eval: error: " + message(t));
    if (debug) {
      t.printStackTrace(err);
    }
    err.flush();
  }

  private static String message(Throwable t) {
    if (t instanceof EvalException e && !String.valueOf(e.getMessage()).contains("troubleshooting.md")) {
      String anchor = switch (e.code()) {
        case PLUGIN_LOAD_FAILED -> "plugin-failed-to-load";
        case PLUGIN_INCOMPATIBLE -> "plugin-incompatible";
        case BACKEND_UNAVAILABLE -> "backend-unavailable";
        default -> null;
      };
      return oneLine(e.getMessage()) + (anchor == null ? "" : " (see docs/troubleshooting.md#" + anchor + ")");
    }
    if (t instanceof CliException || t instanceof EvalException) {
      return oneLine(t.getMessage());
    }
    if (t instanceof CommandLine.ParameterException p) {
      return oneLine(p.getMessage()) + " (see '" + p.getCommandLine().getCommandName() + " --help')";
    }
    if (t instanceof UncheckedIOException e) {
      return oneLine(String.valueOf(e.getCause().getMessage())) + " (" + e.getCause().getClass().getSimpleName()
          + ")";
    }
    if (t instanceof OutOfMemoryError) {
      return "out of memory; give the JVM more with JAVA_OPTS=-Xmx<size> (see docs/troubleshooting.md#out-of-memory)";
    }
    return "internal error: " + t.getClass().getName() + (t.getMessage() == null ? "" : ": " + oneLine(t.getMessage()))
        + "; rerun with --verbosity DEBUG for the stack trace and report it (see docs/troubleshooting.md#internal-error)";
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
