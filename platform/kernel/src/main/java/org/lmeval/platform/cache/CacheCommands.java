package org.lmeval.platform.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.cache.CacheEntry;
import org.lmeval.api.cache.CacheSummary;
import org.lmeval.api.cache.ResponseCache;
import org.lmeval.api.cache.ResponseCacheServer;
import org.lmeval.platform.plugin.PluginRegistry;

/**
 * {@code lm-eval cache stats|ls|prune|export|import|serve}: plain methods the CLI calls, each printing to the
 * given writer. Every command but {@code serve} takes the cache's location as {@code --use_cache} does (a path
 * or a {@code jdbc:h2:tcp://} URL) and never creates a cache that is not there.
 *
 * <pre>
 * lm-eval cache stats  LOCATION
 * lm-eval cache ls     LOCATION [--model TEXT] [--task NAME]
 * lm-eval cache prune  LOCATION (--model TEXT | --older-than AGE | --all) [--dry-run]
 * lm-eval cache export LOCATION FILE|-
 * lm-eval cache import LOCATION FILE
 * lm-eval cache serve  [--port 9092] [--base-dir DIR] [--allow-others]
 * </pre>
 *
 * <p>{@code --model TEXT} selects the models whose description ({@code backend arg=value,... #hash}, as
 * {@code stats} prints it) contains TEXT, ignoring case. AGE is {@code 30d}, {@code 12h}, {@code 90m},
 * {@code 45s}, {@code 2w} or an ISO-8601 duration ({@code P30D}).
 */
public final class CacheCommands {
  /** The export file's first line names this format. */
  public static final String EXPORT_FORMAT = "lm-eval-java response cache export";
  public static final int EXPORT_VERSION = 1;
  static final String USAGE = "usage: lm-eval cache stats LOCATION | ls LOCATION [--model TEXT] [--task NAME] | "
      + "prune LOCATION (--model TEXT | --older-than AGE | --all) [--dry-run] | export LOCATION FILE|- | "
      + "import LOCATION FILE | serve [--port N] [--base-dir DIR] [--allow-others]";
  private static final int IMPORT_CHUNK = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PluginRegistry registry;
  private final Clock clock;

  public CacheCommands(PluginRegistry registry) {
    this(registry, Clock.systemUTC());
  }

  /** With a clock for {@code --older-than} (tests). */
  public CacheCommands(PluginRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /**
   * Runs {@code lm-eval cache ARGS}. {@code serve} blocks until the thread is interrupted.
   *
   * @throws EvalException {@code INVALID_ARGUMENT} with the usage for bad arguments; {@code CACHE_FAILURE} for a
   *     cache that cannot be used
   */
  public void run(PrintWriter out, List<String> args) throws InterruptedException {
    if (args.isEmpty()) {
      throw usage("a command is required");
    }
    Args a = new Args(args.subList(1, args.size()));
    switch (args.get(0)) {
      case "stats" -> {
        String location = a.positional(0, "LOCATION");
        a.done(1);
        stats(out, location);
      }
      case "ls" -> {
        String model = a.option("--model");
        String task = a.option("--task");
        String location = a.positional(0, "LOCATION");
        a.done(1);
        ls(out, location, model, task);
      }
      case "prune" -> {
        String model = a.option("--model");
        String age = a.option("--older-than");
        boolean all = a.flag("--all");
        boolean dryRun = a.flag("--dry-run");
        String location = a.positional(0, "LOCATION");
        a.done(1);
        prune(out, location, model, age == null ? null : parseAge(age), all, dryRun);
      }
      case "export" -> {
        String location = a.positional(0, "LOCATION");
        String file = a.positional(1, "FILE");
        a.done(2);
        export(out, location, file);
      }
      case "import" -> {
        String location = a.positional(0, "LOCATION");
        String file = a.positional(1, "FILE");
        a.done(2);
        importFile(out, location, Path.of(file));
      }
      case "serve" -> {
        String port = a.option("--port");
        String baseDir = a.option("--base-dir");
        boolean allowOthers = a.flag("--allow-others");
        a.done(0);
        int p;
        try {
          p = port == null ? 9092 : Integer.parseInt(port);
        } catch (NumberFormatException e) {
          throw usage("--port must be a number, got '" + port + "'");
        }
        serve(out, p, baseDir == null ? Path.of(".") : Path.of(baseDir), allowOthers);
      }
      default -> throw usage("unknown command '" + args.get(0) + "'" + org.lmeval.platform.util.Suggestions
          .didYouMean(args.get(0), List.of("stats", "ls", "prune", "export", "import", "serve")));
    }
  }

  /** {@code lm-eval cache stats}: what the cache is, its size, and its entries per model. */
  public void stats(PrintWriter out, String location) {
    try (ResponseCache cache = ResponseCaches.open(registry, location, false)) {
      List<CacheSummary> rows = cache.summary();
      long entries = 0;
      long chars = 0;
      long oldest = Long.MAX_VALUE;
      long newest = Long.MIN_VALUE;
      Map<String, long[]> byModel = new TreeMap<>();
      Map<String, Set<String>> tasksOf = new TreeMap<>();
      Set<String> tasks = new TreeSet<>();
      for (CacheSummary r : rows) {
        entries += r.entries();
        chars += r.valueChars();
        oldest = Math.min(oldest, r.oldestMillis());
        newest = Math.max(newest, r.newestMillis());
        String model = CacheNamespace.parse(r.namespace()).model();
        long[] m = byModel.computeIfAbsent(model, k -> new long[] {0, 0, Long.MAX_VALUE, Long.MIN_VALUE});
        m[0] += r.entries();
        m[1] += r.valueChars();
        m[2] = Math.min(m[2], r.oldestMillis());
        m[3] = Math.max(m[3], r.newestMillis());
        if (r.label() != null) {
          tasks.add(r.label());
          tasksOf.computeIfAbsent(model, k -> new TreeSet<>()).add(r.label());
        }
      }
      out.println("cache    " + cache.describe());
      out.println("entries  " + entries + " in " + byModel.size() + " model" + (byModel.size() == 1 ? "" : "s") + ", "
          + tasks.size() + " task" + (tasks.size() == 1 ? "" : "s") + "; " + chars + " characters of responses");
      if (entries > 0) {
        out.println("written  " + time(oldest) + " .. " + time(newest));
        out.println();
        Table t = new Table("model", "entries", "tasks", "characters", "oldest", "newest");
        byModel.forEach((model, m) -> t.row(model, Long.toString(m[0]),
            Integer.toString(tasksOf.getOrDefault(model, Set.of()).size()), Long.toString(m[1]), time(m[2]),
            time(m[3])));
        t.print(out);
      }
      out.flush();
    }
  }

  /** {@code lm-eval cache ls}: entries per model, request type and task. */
  public void ls(PrintWriter out, String location, String model, String task) {
    try (ResponseCache cache = ResponseCaches.open(registry, location, false)) {
      Table t = new Table("model", "request_type", "task", "entries", "characters", "newest");
      List<String[]> rows = new ArrayList<>();
      for (CacheSummary r : cache.summary()) {
        CacheNamespace ns = CacheNamespace.parse(r.namespace());
        String label = r.label() == null ? "-" : r.label();
        if (matches(ns.model(), model) && (task == null || task.equals(r.label()))) {
          rows.add(new String[] {ns.model(), ns.requestTypeName(), label, Long.toString(r.entries()),
              Long.toString(r.valueChars()), time(r.newestMillis())});
        }
      }
      rows.sort((x, y) -> {
        for (int i = 0; i < 3; i++) {
          int c = x[i].compareTo(y[i]);
          if (c != 0) {
            return c;
          }
        }
        return 0;
      });
      rows.forEach(t::row);
      if (rows.isEmpty()) {
        out.println("no entries" + (model == null && task == null ? "" : " match"));
      } else {
        t.print(out);
      }
      out.flush();
    }
  }

  /**
   * {@code lm-eval cache prune}: removes the entries of the models matching {@code model} (all models when null),
   * older than {@code olderThan} (any age when null). One of them, or {@code all}, is required, so a bare prune
   * never empties a cache.
   *
   * @return the number of entries removed (or that would be, with {@code dryRun})
   */
  public long prune(PrintWriter out, String location, String model, Duration olderThan, boolean all,
      boolean dryRun) {
    if (model == null && olderThan == null && !all) {
      throw usage("prune needs --model TEXT, --older-than AGE or --all");
    }
    long before = olderThan == null ? Long.MAX_VALUE : clock.instant().minus(olderThan).toEpochMilli();
    try (ResponseCache cache = ResponseCaches.open(registry, location, false)) {
      Set<String> namespaces = new LinkedHashSet<>();
      long matching = 0;
      for (CacheSummary r : cache.summary()) {
        if (matches(CacheNamespace.parse(r.namespace()).model(), model)) {
          namespaces.add(r.namespace());
          if (r.oldestMillis() < before) {
            matching += r.newestMillis() < before ? r.entries() : 0;
          }
        }
      }
      long removed;
      if (dryRun) {
        removed = matching;
        out.println("would remove " + (olderThan == null ? removed : "at least " + removed) + " entries of "
            + models(namespaces) + " (dry run; nothing removed)");
      } else {
        removed = cache.prune(namespaces, before);
        out.println("removed " + removed + " entries of " + models(namespaces));
      }
      out.flush();
      return removed;
    }
  }

  /**
   * {@code lm-eval cache export}: every entry as a line of JSON, to {@code file} ("-" for {@code out}): first
   * {@code {"format":"lm-eval-java response cache export","version":1}}, then one
   * {@code {"namespace","key","value","task","created"}} per entry, then {@code {"end":N}}.
   *
   * @return the number of entries exported
   */
  public long export(PrintWriter out, String location, String file) {
    try (ResponseCache cache = ResponseCaches.open(registry, location, false)) {
      if (file.equals("-")) {
        long n = writeExport(cache, out);
        out.flush();
        return n;
      }
      Path path = Path.of(file);
      Path tmp = path.toAbsolutePath().resolveSibling("." + path.getFileName() + ".tmp");
      long n;
      try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8))) {
        n = writeExport(cache, w);
      } catch (IOException e) {
        throw new EvalException(ErrorCode.CACHE_FAILURE, "cache export: cannot write " + path + ": " + e, e);
      }
      try {
        Files.move(tmp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new EvalException(ErrorCode.CACHE_FAILURE, "cache export: cannot write " + path + ": " + e, e);
      }
      out.println("exported " + n + " entries to " + path);
      out.flush();
      return n;
    }
  }

  /**
   * {@code lm-eval cache import}: adds the entries of an export file (entries already present are kept). The file
   * is checked line by line: a line that is not an entry, or a response that does not decode for its request
   * type, stops the import with the line number; entries of earlier lines stay imported.
   *
   * @return the number of entries added
   */
  public long importFile(PrintWriter out, String location, Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        ResponseCache cache = ResponseCaches.open(registry, location, true)) {
      String first = in.readLine();
      JsonNode header = first == null ? null : JSON.readTree(first);
      if (header == null || !EXPORT_FORMAT.equals(header.path("format").asText())) {
        throw new EvalException(ErrorCode.INVALID_ARGUMENT, "cache import: " + file + " is not a response cache "
            + "export (its first line must be {\"format\":\"" + EXPORT_FORMAT + "\",...})");
      }
      if (header.path("version").asInt(-1) != EXPORT_VERSION) {
        throw new EvalException(ErrorCode.INVALID_ARGUMENT, "cache import: " + file + " is export version "
            + header.path("version") + "; this version reads " + EXPORT_VERSION);
      }
      long read = 0;
      long added = 0;
      Long end = null;
      List<CacheEntry> chunk = new ArrayList<>();
      String line;
      int number = 1;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        if (end != null) {
          throw new EvalException(ErrorCode.INVALID_ARGUMENT, "cache import: " + file + " line " + number
              + " follows the end line");
        }
        JsonNode n = JSON.readTree(line);
        if (n.has("end")) {
          end = n.get("end").asLong();
          continue;
        }
        chunk.add(entry(n, file, number));
        read++;
        if (chunk.size() == IMPORT_CHUNK) {
          added += cache.importEntries(chunk);
          chunk.clear();
        }
      }
      if (!chunk.isEmpty()) {
        added += cache.importEntries(chunk);
      }
      if (end == null || end != read) {
        throw new EvalException(ErrorCode.INVALID_ARGUMENT, "cache import: " + file + " is incomplete ("
            + (end == null ? "no end line" : "its end line says " + end + " entries, it has " + read) + "); the "
            + added + " entries read were imported");
      }
      out.println("imported " + added + " of " + read + " entries from " + file + " (" + (read - added)
          + " already present)");
      out.flush();
      return added;
    } catch (IOException e) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "cache import: cannot read " + file + ": " + e, e);
    }
  }

  /** Starts a cache server and says how clients reach it; the caller closes it. */
  public ResponseCacheServer startServer(PrintWriter out, int port, Path baseDir, boolean allowOthers) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("port", port);
    options.put("base_dir", baseDir.toAbsolutePath().normalize().toString());
    options.put("allow_others", allowOthers);
    ResponseCacheServer server = ResponseCaches.serve(registry, options);
    out.println("serving response caches from " + baseDir.toAbsolutePath().normalize() + " ("
        + (allowOthers ? "other machines may connect" : "this machine only") + ")");
    out.println("use: --use_cache " + server.location().replace("<name>", "NAME") + "   (NAME.mv.db in that folder)");
    out.flush();
    return server;
  }

  /** {@code lm-eval cache serve}: runs a cache server until the thread is interrupted. */
  public void serve(PrintWriter out, int port, Path baseDir, boolean allowOthers) throws InterruptedException {
    try (ResponseCacheServer server = startServer(out, port, baseDir, allowOthers)) {
      new java.util.concurrent.CountDownLatch(1).await();
    }
  }

  /** {@code 30d}, {@code 12h}, {@code 90m}, {@code 45s}, {@code 2w}, or ISO-8601 ({@code P30D}, {@code PT12H}). */
  public static Duration parseAge(String text) {
    Matcher m = Pattern.compile("(\\d+)\\s*([smhdw])").matcher(text.trim().toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        case "d" -> Duration.ofDays(n);
        default -> Duration.ofDays(7 * n);
      };
    }
    try {
      return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw usage("--older-than must look like 30d, 12h, 90m, 45s, 2w or P30D, got '" + text + "'");
    }
  }

  // ---------------------------------------------------------------------------------------------- helpers

  private static long writeExport(ResponseCache cache, Writer w) {
    long[] count = {0};
    try {
      ObjectNode header = JSON.createObjectNode();
      header.put("format", EXPORT_FORMAT);
      header.put("version", EXPORT_VERSION);
      w.write(JSON.writeValueAsString(header));
      w.write('\n');
      cache.forEachEntry(e -> {
        ObjectNode n = JSON.createObjectNode();
        n.put("namespace", e.namespace());
        n.put("key", e.key());
        n.put("value", e.value());
        if (e.label() == null) {
          n.putNull("task");
        } else {
          n.put("task", e.label());
        }
        n.put("created", e.createdMillis());
        try {
          w.write(JSON.writeValueAsString(n));
          w.write('\n');
        } catch (IOException io) {
          throw new java.io.UncheckedIOException(io);
        }
        count[0]++;
      });
      w.write("{\"end\":" + count[0] + "}\n");
      w.flush();
      return count[0];
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new EvalException(ErrorCode.CACHE_FAILURE, "cache export: cannot write: " + e.getMessage(), e);
    }
  }

  private static CacheEntry entry(JsonNode n, Path file, int line) {
    String where = "cache import: " + file + " line " + line;
    for (String field : List.of("namespace", "key", "value")) {
      if (!n.path(field).isTextual()) {
        throw new EvalException(ErrorCode.INVALID_ARGUMENT, where + ": '" + field + "' must be a string");
      }
    }
    if (!n.path("created").canConvertToLong()) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, where + ": 'created' must be epoch milliseconds");
    }
    String namespace = n.get("namespace").asText();
    String value = n.get("value").asText();
    CacheNamespace ns = CacheNamespace.parse(namespace);
    if (ns.requestType().isPresent()) {
      try {
        ResponseCodec.decode(ns.requestType().get(), value);
      } catch (IllegalArgumentException e) {
        throw new EvalException(ErrorCode.INVALID_ARGUMENT, where + ": the value is not a "
            + ns.requestTypeName() + " response (" + e.getMessage() + ")");
      }
    }
    JsonNode task = n.path("task");
    return new CacheEntry(namespace, n.get("key").asText(), value, task.isTextual() ? task.asText() : null,
        n.get("created").asLong());
  }

  private static boolean matches(String model, String filter) {
    return filter == null || model.toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT));
  }

  private static String models(Set<String> namespaces) {
    Set<String> models = new TreeSet<>();
    for (String ns : namespaces) {
      models.add(CacheNamespace.parse(ns).model());
    }
    return models.isEmpty() ? "no model" : models.size() == 1 ? "model " + models.iterator().next()
        : models.size() + " models";
  }

  private static String time(long millis) {
    return Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static EvalException usage(String problem) {
    return new EvalException(ErrorCode.INVALID_ARGUMENT, "lm-eval cache: " + problem + "; " + USAGE);
  }

  /** Options ({@code --name value}, flags) and positionals, for {@link #run}. */
  private static final class Args {
    private final List<String> rest;

    Args(List<String> args) {
      this.rest = new ArrayList<>(args);
    }

    String option(String name) {
      for (int i = 0; i < rest.size(); i++) {
        String a = rest.get(i);
        if (a.startsWith(name + "=")) {
          rest.remove(i);
          return a.substring(name.length() + 1);
        }
        if (a.equals(name)) {
          if (i + 1 >= rest.size()) {
            throw usage(name + " needs a value");
          }
          rest.remove(i);
          return rest.remove(i);
        }
      }
      return null;
    }

    boolean flag(String name) {
      return rest.remove(name);
    }

    String positional(int index, String what) {
      if (index >= rest.size()) {
        throw usage(what + " is required");
      }
      String a = rest.get(index);
      if (a.startsWith("--")) {
        throw usage("unknown option '" + a + "'");
      }
      return a;
    }

    void done(int positionals) {
      if (rest.size() > positionals) {
        String extra = rest.get(positionals);
        throw usage(extra.startsWith("--") ? "unknown option '" + extra + "'" : "unexpected argument '" + extra
            + "'");
      }
      for (String a : rest) {
        if (a.startsWith("--") && !a.equals("-")) {
          throw usage("unknown option '" + a + "'");
        }
      }
    }
  }
}
