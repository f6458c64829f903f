package org.lmeval.plugin.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.LoglikelihoodResult;

/**
 * Every answer logged in the samples files under a folder, by request arguments: log-likelihoods by
 * (context, continuation), rolling log-likelihoods by text, generations by (context, generation parameters)
 * with one response per repeat in logged order.
 *
 * <p>A samples file ({@code samples_<task>_<date>.jsonl}, lm-eval's format) holds one JSON object per line
 * and per (document, filter set) with {@code arguments} ({@code {"gen_args_i": {"arg_0": context, "arg_1":
 * continuation or kwargs}}}) and {@code resps} (per request, per repeat, every leaf as Python's {@code str()}:
 * {@code ["-4.2", "False"]}, {@code "-123.5"} or the generated text). The same request logged twice (another
 * filter set, another task) must carry the same answer; when it does not, asking for it fails and names both
 * places.
 */
final class SamplesIndex {
  /** lm-eval writes non-finite metric values as bare {@code NaN} / {@code Infinity}. */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  /** Where an answer was logged, for messages. */
  record Source(Path file, long line, int docId) {
    @Override
    public String toString() {
      return file + ":" + line + " (doc_id " + docId + ")";
    }
  }

  /** A logged answer; {@code conflict} is the first different answer logged for the same request, if any. */
  static final class Entry<T> {
    final T value;
    final Source source;
    T conflictValue;
    Source conflictSource;

    Entry(T value, Source source) {
      this.value = value;
      this.source = source;
    }
  }

  record LoglikelihoodKey(String context, String continuation) {}

  record GenerationKey(String context, String params) {}

  private final Path dir;
  private final int files;
  private final Map<LoglikelihoodKey, Entry<LoglikelihoodResult>> loglikelihood = new HashMap<>();
  private final Map<String, Entry<Double>> rolling = new HashMap<>();
  private final Map<GenerationKey, Entry<List<String>>> generation = new HashMap<>();

  private SamplesIndex(Path dir, int files) {
    this.dir = dir;
    this.files = files;
  }

  /** Reads every {@code samples_*.jsonl} under {@code dir}, recursively, in path order. */
  static SamplesIndex load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg 'path' of model 'replay': " + dir
          + " is not a folder; give the folder holding the samples_<task>_<date>.jsonl files of a logged run");
    }
    List<Path> found;
    try (Stream<Path> walk = Files.walk(dir)) {
      found = walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().startsWith("samples_")
              && p.getFileName().toString().endsWith(".jsonl"))
          .sorted().toList();
    } catch (IOException e) {
      throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "replay: cannot list " + dir + ": " + e.getMessage(), e);
    }
    if (found.isEmpty()) {
      throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "replay: no samples_<task>_<date>.jsonl files under "
          + dir + "; log a run with --log_samples --output_path " + dir + " first");
    }
    SamplesIndex index = new SamplesIndex(dir, found.size());
    for (Path file : found) {
      index.read(file);
    }
    return index;
  }

  Path dir() {
    return dir;
  }

  int files() {
    return files;
  }

  int size() {
    return loglikelihood.size() + rolling.size() + generation.size();
  }

  Entry<LoglikelihoodResult> loglikelihood(String context, String continuation) {
    return loglikelihood.get(new LoglikelihoodKey(context, continuation));
  }

  Entry<Double> rolling(String text) {
    return rolling.get(text);
  }

  Entry<List<String>> generation(String context, GenerationParams params) {
    return generation.get(new GenerationKey(context, LoggedValues.canonical(params)));
  }

  private void read(Path file) {
    try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.getFactory().createParser(in)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        long line = p.currentTokenLocation().getLineNr();
        if (t != JsonToken.START_OBJECT) {
          throw malformed(file, line, "expected one JSON object per line, found " + t);
        }
        readRecord(p, file, line);
      }
    } catch (IOException e) {
      throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "replay: cannot read " + file + ": "
          + e.getMessage(), e);
    }
  }

  private void readRecord(JsonParser p, Path file, long line) throws IOException {
    int docId = -1;
    JsonNode arguments = null;
    JsonNode resps = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "doc_id" -> docId = p.getValueAsInt(-1);
        case "arguments" -> arguments = JSON.readTree(p);
        case "resps" -> resps = JSON.readTree(p);
        default -> p.skipChildren();
      }
    }
    if (arguments == null || resps == null) {
      throw malformed(file, line, "a sample record needs 'arguments' and 'resps'");
    }
    if (!arguments.isObject() || !resps.isArray() || arguments.size() != resps.size()) {
      throw malformed(file, line, "'arguments' must be an object with one gen_args_<i> per element of the "
          + "'resps' list");
    }
    Source source = new Source(file, line, docId);
    Map<String, String> strings = new HashMap<>(); // one String per distinct context within a record
    Iterator<JsonNode> args = arguments.elements();
    for (int i = 0; args.hasNext(); i++) {
      JsonNode arg = args.next();
      JsonNode resp = resps.get(i);
      try {
        add(arg, resp, source, strings);
      } catch (IllegalArgumentException e) {
        throw malformed(file, line, "request " + i + ": " + e.getMessage());
      }
    }
  }

  private void add(JsonNode arg, JsonNode resp, Source source, Map<String, String> strings) {
    JsonNode a0 = arg.get("arg_0");
    JsonNode a1 = arg.get("arg_1");
    if (a0 == null || !a0.isTextual()) {
      throw new IllegalArgumentException("'arg_0' must be a string");
    }
    if (!resp.isArray() || resp.isEmpty()) {
      throw new IllegalArgumentException("the responses must be a non-empty list (one per repeat)");
    }
    String context = strings.computeIfAbsent(a0.textValue(), s -> s);
    if (a1 == null) {
      double ll = LoggedValues.parseFloat(leafText(resp.get(0)));
      put(rolling, context, ll, source);
    } else if (a1.isObject()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> kwargs = JSON.convertValue(a1, Map.class);
      GenerationKey key = new GenerationKey(context, LoggedValues.canonical(LoggedValues.generationParams(kwargs)));
      List<String> outputs = new ArrayList<>(resp.size());
      resp.forEach(r -> outputs.add(leafText(r)));
      put(generation, key, List.copyOf(outputs), source);
    } else if (a1.isTextual()) {
      JsonNode first = resp.get(0);
      if (!first.isArray() || first.size() != 2) {
        throw new IllegalArgumentException("a log-likelihood response must be [\"<logprob>\", \"<is_greedy>\"], got "
            + first);
      }
      LoglikelihoodResult r = new LoglikelihoodResult(LoggedValues.parseFloat(leafText(first.get(0))),
          LoggedValues.parseBool(leafText(first.get(1))));
      put(loglikelihood, new LoglikelihoodKey(context, a1.textValue()), r, source);
    } else {
      throw new IllegalArgumentException("'arg_1' must be a continuation string or a generation kwargs object");
    }
  }

  private static String leafText(JsonNode n) {
    if (n == null || !n.isTextual()) {
      throw new IllegalArgumentException("a logged response must be a string, got " + n);
    }
    return n.textValue();
  }

  private static <K, T> void put(Map<K, Entry<T>> map, K key, T value, Source source) {
    Entry<T> old = map.get(key);
    if (old == null) {
      map.put(key, new Entry<>(value, source));
    } else if (!same(old.value, value) && old.conflictSource == null) {
      old.conflictValue = value;
      old.conflictSource = source;
    }
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof LoglikelihoodResult x && b instanceof LoglikelihoodResult y) {
      return Double.compare(x.logprob(), y.logprob()) == 0 && x.greedy() == y.greedy();
    }
    if (a instanceof Double x && b instanceof Double y) {
      return Double.compare(x, y) == 0;
    }
    return Objects.equals(a, b);
  }

  private static EvalException malformed(Path file, long line, String what) {
    return new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "replay: " + file + " line " + line
        + " is not a sample record lm-eval writes: " + what);
  }
}
