package org.lmeval.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * argparse's {@code nargs="+"}: one occurrence of a flag takes every following token up to the next option,
 * and each occurrence is kept as its own list ({@code --model_args} treats the first token of an
 * occurrence specially). The option's field must be a {@code List<List<String>>}.
 */
final class VarargsConsumer implements CommandLine.IParameterConsumer {
  @Override
  public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
    ArgparseTokens tokens = new ArgparseTokens(commandSpec, commandSpec.qualifiedName());
    List<String> values = new ArrayList<>();
    String name = ((CommandLine.Model.OptionSpec) argSpec).longestName();
    // picocli leaves "--flag=value" split: the attached value is on top of the stack
    while (!args.isEmpty() && !tokens.isOption(args.peek())) {
      values.add(args.pop());
    }
    if (values.isEmpty()) {
      throw new CommandLine.ParameterException(commandSpec.commandLine(),
          "argument " + name + ": expected at least one argument");
    }
    List<List<String>> occurrences = argSpec.getValue();
    if (occurrences == null) {
      occurrences = new ArrayList<>();
    }
    occurrences.add(List.copyOf(values));
    argSpec.setValue(occurrences);
  }
}
