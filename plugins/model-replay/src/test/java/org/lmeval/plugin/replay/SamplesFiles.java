package org.lmeval.plugin.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes small samples files in lm-eval's format for the tests. */
final class SamplesFiles {
  private SamplesFiles() {}

  static String json(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  /** One record of a multiple-choice/loglikelihood document: {@code requests} = [context, continuation, ll, greedy]. */
  static String loglikelihoodRecord(int docId, List<String[]> requests) {
    StringBuilder args = new StringBuilder();
    StringBuilder resps = new StringBuilder();
    for (int i = 0; i < requests.size(); i++) {
      String[] r = requests.get(i);
      args.append(i > 0 ? ", " : "").append("\"gen_args_").append(i).append("\": {\"arg_0\": ").append(json(r[0]))
          .append(", \"arg_1\": ").append(json(r[1])).append('}');
      resps.append(i > 0 ? ", " : "").append("[[").append(json(r[2])).append(", ").append(json(r[3])).append("]]");
    }
    return "{\"doc_id\": " + docId + ", \"doc\": {\"q\": \"x\"}, \"target\": \"0\", \"arguments\": {" + args
        + "}, \"resps\": [" + resps + "], \"filtered_resps\": [], \"filter\": \"none\", \"metrics\": [\"acc\"], "
        + "\"doc_hash\": \"h\", \"prompt_hash\": \"p\", \"target_hash\": \"t\", \"acc\": NaN}";
  }

  static String rollingRecord(int docId, String text, String ll) {
    return "{\"doc_id\": " + docId + ", \"arguments\": {\"gen_args_0\": {\"arg_0\": " + json(text) + "}}, "
        + "\"resps\": [[" + json(ll) + "]], \"filtered_resps\": [" + json(ll) + "], \"filter\": \"none\"}";
  }

  static String generationRecord(int docId, String context, String kwargs, List<String> outputs) {
    StringBuilder resps = new StringBuilder();
    for (int i = 0; i < outputs.size(); i++) {
      resps.append(i > 0 ? ", " : "").append(json(outputs.get(i)));
    }
    return "{\"doc_id\": " + docId + ", \"arguments\": {\"gen_args_0\": {\"arg_0\": " + json(context)
        + ", \"arg_1\": " + kwargs + "}}, \"resps\": [[" + resps + "]], \"filter\": \"strict-match\"}";
  }

  static Path write(Path dir, String name, List<String> lines) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(name);
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }
}
