package org.lmeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/lm-eval serve --model dummy --port 0} as a process: it prints its URL, answers, and stops on SIGTERM. */
class ServeIT {
  @TempDir
  Path tmp;

  @Test
  void servesTheDummyModelUntilTerminated() throws Exception {
    String dist = System.getProperty("lmeval.dist.dir");
    Assumptions.assumeTrue(dist != null && Files.isDirectory(Path.of(dist)), "no assembled distribution");
    ProcessBuilder pb = new ProcessBuilder(Path.of(dist, "bin", "lm-eval").toString(), "serve", "--model", "dummy",
        "--port", "0", "--thread_safe_model", "--latency_ms", "1").directory(tmp.toFile());
    pb.environment().put("LMEVAL_CACHE_DIR", tmp.resolve("cache").toString());
    Path out = tmp.resolve("out");
    pb.redirectOutput(out.toFile()).redirectError(tmp.resolve("err").toFile());
    Process p = pb.start();
    try {
      String url = null;
      Pattern completions = Pattern.compile("  completions:\\s+(http://127\\.0\\.0\\.1:\\d+/v1/completions)");
      for (int i = 0; i < 600 && url == null; i++) {
        Matcher m = completions.matcher(Files.readString(out));
        if (m.find() && Files.readString(out).contains("Serving until Ctrl-C.")) {
          url = m.group(1);
        } else {
          assertTrue(p.isAlive(), () -> "serve ended: " + read(tmp.resolve("err")));
          Thread.sleep(50);
        }
      }
      assertTrue(url != null, "no URL printed");
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
          .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"dummy\", \"prompt\": \"Hello\", \"max_tokens\": 3}"))
          .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.body().contains("\"text_completion\""), r.body());
    } finally {
      p.destroy();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
    }
    assertTrue(Files.readString(out).contains("Stopped after 1 requests."), Files.readString(out));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      return "(" + e + ")";
    }
  }
}
