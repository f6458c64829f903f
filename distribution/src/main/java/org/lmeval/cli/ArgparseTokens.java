package org.lmeval.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.lmeval.platform.util.Suggestions;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Classifies command-line tokens as Python's {@code argparse} does before it parses them, so that
 * {@code lm-eval} accepts and rejects the same command lines as lm-eval 0.4.13:
 *
 * <ul>
 *   <li>a unique prefix of a long option is that option ({@code --num} is {@code --num_fewshot}); an
 *       ambiguous one is an error naming the candidates;
 *   <li>a token that looks like an option but is none is an error naming the closest options (argparse
 *       never takes such a token as a value);
 *   <li>negative numbers ({@code -1}, {@code -.5}) and tokens with a space are values;
 *   <li>a value attached to an option ({@code --limit=10}, {@code -L10}, {@code -L=10}) is split off.
 * </ul>
 *
 * Tokens after {@code --} are left alone.
 */
final class ArgparseTokens {
  private static final Pattern NEGATIVE_NUMBER = Pattern.compile("^-\\d+$|^-\\d*\\.\\d+$");

  private final CommandSpec spec;
  private final String commandName;

  ArgparseTokens(CommandSpec spec, String commandName) {
    this.spec = spec;
    this.commandName = commandName;
  }

  /** The tokens with option prefixes expanded; throws a usage error for unknown or ambiguous options. */
  List<String> normalize(List<String> tokens) {
    List<String> result = new ArrayList<>(tokens.size());
    boolean afterDashDash = false;
    for (String token : tokens) {
      if (afterDashDash) {
        result.add(token);
        continue;
      }
      if (token.equals("--")) {
        afterDashDash = true;
        result.add(token);
        continue;
      }
      result.addAll(splitAttachedValue(classify(token)));
    }
    return result;
  }

  /**
   * {@code --name=value}, {@code -Xvalue} and {@code -X=value} of an option that takes a value become two
   * tokens, as argparse reads them (picocli is set up with a space separator for the help's sake).
   */
  private List<String> splitAttachedValue(String token) {
    if (!token.startsWith("-") || token.length() < 3 || isKnown(token)) {
      return List.of(token);
    }
    int eq = token.indexOf('=');
    if (token.startsWith("--")) {
      return eq > 0 && isKnown(token.substring(0, eq))
          ? List.of(token.substring(0, eq), token.substring(eq + 1)) : List.of(token);
    }
    String shortName = token.substring(0, 2);
    if (isKnown(shortName) && spec.findOption(shortName).arity().max() > 0) {
      String value = token.substring(2);
      return List.of(shortName, value.startsWith("=") ? value.substring(1) : value);
    }
    return List.of(token);
  }

  /** Whether {@code token} starts an option (and so ends the values of a multi-value flag). */
  boolean isOption(String token) {
    if (token.isEmpty() || token.charAt(0) != '-' || token.length() == 1) {
      return false;
    }
    if (token.equals("--")) {
      return true;
    }
    if (isKnown(token)) {
      return true;
    }
    int eq = token.indexOf('=');
    if (eq > 0 && isKnown(token.substring(0, eq))) {
      return true;
    }
    if (token.charAt(1) != '-' && isKnown(token.substring(0, 2))) {
      return true;
    }
    if (NEGATIVE_NUMBER.matcher(token).matches() || token.contains(" ")) {
      return false;
    }
    return true;
  }

  private String classify(String token) {
    if (token.isEmpty() || token.charAt(0) != '-' || token.length() == 1 || isKnown(token)) {
      return token;
    }
    int eq = token.indexOf('=');
    String name = eq > 0 ? token.substring(0, eq) : token;
    if (eq > 0 && isKnown(name)) {
      return token;
    }
    if (token.startsWith("--")) {
      List<String> candidates = spec.optionsMap().keySet().stream().filter(o -> o.startsWith(name)).sorted().toList();
      if (candidates.size() > 1) {
        throw CliException.usage("ambiguous option: " + name + " could match " + String.join(", ", candidates));
      }
      if (candidates.size() == 1) {
        return candidates.get(0) + (eq > 0 ? token.substring(eq) : "");
      }
    } else if (isKnown(token.substring(0, 2))) {
      return token; // a short option with its value attached (-L10) or clustered flags (-sw)
    }
    if (NEGATIVE_NUMBER.matcher(token).matches() || token.contains(" ")) {
      return token;
    }
    throw CliException.usage(unknownOption(name));
  }

  private boolean isKnown(String name) {
    return spec.optionsMap().containsKey(name);
  }

  private String unknownOption(String name) {
    Set<String> longNames = new TreeSet<>();
    spec.optionsMap().keySet().stream().filter(o -> o.startsWith("--")).forEach(longNames::add);
    String bare = name.replaceFirst("^-+", "");
    List<String> close = Suggestions.closest(bare, longNames.stream().map(o -> o.substring(2)).toList(), 3);
    String hint = close.isEmpty()
        ? "; see '" + commandName + " --help' for the options"
        : "; did you mean " + String.join(" or ", close.stream().map(o -> "'--" + o + "'").toList()) + "?";
    return "unknown option '" + name + "'" + hint;
  }
}
