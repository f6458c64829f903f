package org.lmeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.Options;
import org.lmeval.api.Plugin;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.ModelBackend;
import org.lmeval.server.ChainRuleLanguageModel;

/** {@code lm-eval serve} in-process on a free port, hit with the JDK's HTTP client, then interrupted. */
class ServeCommandTest {
  @TempDir
  Path dir;

  /** A backend "chain-rule" (model arg seed) opening a {@link ChainRuleLanguageModel}. */
  static final class ChainRulePlugin implements Plugin {
    @Override
    public Collection<ModelBackend> modelBackends() {
      return List.of(new ModelBackend() {
        @Override
        public String name() {
          return "chain-rule";
        }

        @Override
        public LanguageModel open(Options modelArgs) {
          return new ChainRuleLanguageModel(modelArgs.intValue("seed", 0));
        }
      });
    }
  }

  /** A running {@code lm-eval serve}: its thread, output and exit code. */
  private static final class Serving implements AutoCloseable {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final AtomicInteger code = new AtomicInteger(-1);
    final Thread thread;

    Serving(CliRun cli, String... args) {
      CliEnvironment env = cli.environment();
      thread = new Thread(() -> code.set(Main.run(env, new PrintWriter(out, true), new PrintWriter(err, true), args)));
      thread.start();
    }

    /** The URL printed after {@code label}, waiting for the banner. */
    String url(String label) throws InterruptedException {
      Pattern p = Pattern.compile(Pattern.quote(label) + "\\s+(http://\\S+)");
      for (int i = 0; i < 600; i++) {
        Matcher m = p.matcher(out.toString());
        if (m.find()) {
          return m.group(1);
        }
        if (!thread.isAlive()) {
          throw new AssertionError("serve ended: " + out + err);
        }
        Thread.sleep(50);
      }
      throw new AssertionError("no banner: " + out + err);
    }

    int stop() throws InterruptedException {
      thread.interrupt();
      thread.join(10_000);
      assertFalse(thread.isAlive(), "serve did not stop");
      return code.get();
    }

    @Override
    public void close() throws InterruptedException {
      if (thread.isAlive()) {
        stop();
      }
    }
  }

  private static HttpResponse<String> post(String url, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheModelOnAFreePortUntilInterrupted() throws Exception {
    CliRun cli = new CliRun(dir).plugins(new ChainRulePlugin());
    try (Serving s = new Serving(cli, "serve", "--model", "chain-rule", "--model_args", "seed=7", "--port", "0",
        "--model_name", "tiny")) {
      String completions = s.url("completions:");
      assertTrue(completions.matches("http://127\\.0\\.0\\.1:\\d+/v1/completions"), completions);
      assertTrue(s.url("chat completions:").endsWith("/v1/chat/completions"));
      assertTrue(s.out.toString().contains("model 'chain-rule' served as 'tiny', tokenizer: characters, scoring: prefix"),
          s.out.toString());

      // the prompt's characters come back with the model's log-probabilities: they sum to the in-process score
      HttpResponse<String> r = post(completions, "{\"model\": \"tiny\", \"prompt\": \"the cat\", \"echo\": true,"
          + " \"max_tokens\": 0, \"logprobs\": 1}");
      assertEquals(200, r.statusCode(), r.body());
      double expected = new ChainRuleLanguageModel(7).loglikelihood(List.of(new LoglikelihoodRequest("the", " cat")))
          .get(0).logprob();
      Matcher m = Pattern.compile("\"token_logprobs\":\\s*\\[null((?:,\\s*-?[0-9.eE-]+)+)\\]").matcher(r.body());
      assertTrue(m.find(), r.body());
      String[] values = m.group(1).substring(1).split(",\\s*");
      double sum = 0;
      for (int k = 2; k < values.length; k++) {
        sum += Double.parseDouble(values[k]);
      }
      assertEquals(expected, sum, 1e-9);

      HttpResponse<String> chat = post(s.url("chat completions:"), "{\"model\": \"tiny\", \"messages\": "
          + "[{\"role\": \"user\", \"content\": \"hi\"}], \"max_tokens\": 5}");
      assertEquals(200, chat.statusCode(), chat.body());
      assertTrue(chat.body().contains("\"chat.completion\""), chat.body());
      assertEquals(404, post(completions, "{\"model\": \"other\", \"prompt\": \"x\"}").statusCode());

      assertEquals(ExitCodes.OK, s.stop());
      assertTrue(s.out.toString().contains("Stopped after 3 requests."), s.out.toString());
    }
  }

  @Test
  void injectsTheFaultsItIsGiven() throws Exception {
    CliRun cli = new CliRun(dir).plugins(new ChainRulePlugin());
    try (Serving s = new Serving(cli, "serve", "-M", "chain-rule", "--port", "0", "--fault", "rate_limit,server_error",
        "--retry_after_ms", "1500", "--api_key", "k1")) {
      String url = s.url("completions:");
      String body = "{\"prompt\": \"ab\", \"max_tokens\": 2}";
      HttpResponse<String> first = post(url, body, "Authorization", "Bearer k1");
      assertEquals(429, first.statusCode());
      assertEquals("1.500", first.headers().firstValue("Retry-After").orElseThrow());
      assertEquals(500, post(url, body, "Authorization", "Bearer k1").statusCode());
      assertEquals(200, post(url, body, "Authorization", "Bearer k1").statusCode());
      assertEquals(401, post(url, body).statusCode());
      assertTrue(s.out.toString().contains("rate_limit,server_error on the first attempts"), s.out.toString());
      assertEquals(ExitCodes.OK, s.stop());
      assertTrue(s.out.toString().contains("(2 faults injected)"), s.out.toString());
    }
  }

  @Test
  void badFlagsAreUsageErrorsThatNameTheChoices() {
    CliRun cli = new CliRun(dir).plugins(new ChainRulePlugin());
    CliRun.Result r = cli.run("serve", "--model", "chain-rule", "--fault", "rate-limt");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().contains("unknown fault 'rate-limt'; did you mean 'rate_limit'?"), r.err());
    r = cli.run("serve", "--model", "chain-rule", "--fault", "reset,hang", "--fault_every", "3");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().contains("exactly one --fault"), r.err());
    r = cli.run("serve", "--model", "chain-rule", "--scoring", "tokens");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().contains("choose from prefix, token"), r.err());
    r = cli.run("serve", "--model", "chain-rule", "--port", "70000");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    r = cli.run("serve", "--model", "chain-rul", "--port", "0");
    assertTrue(r.err().contains("chain-rule"), r.err());
    assertFalse(r.exitCode() == ExitCodes.OK);
    r = cli.run("serve", "--model", "chain-rule", "--tokenizer", dir.resolve("none").toString());
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().contains("tokenizer not found"), r.err());
  }
}
