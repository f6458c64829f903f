import java.time.Duration;
import org.lmeval.testkit.FakeLanguageModel;
import org.lmeval.server.OpenAiCompatibleServer;

/**
 * The loopback server of bench/http/HttpBench.java, in its own JVM so that the client's measurements do not share
 * CPU, threads or garbage collection with the server. Usage: {@code HttpBenchServer <latency-ms>}; prints the
 * completions URL on one line, then serves until its standard input closes.
 */
public class HttpBenchServer {
  public static void main(String[] args) throws Exception {
    Duration latency = Duration.ofMillis(args.length > 0 ? Long.parseLong(args[0]) : 0);
    try (OpenAiCompatibleServer server = OpenAiCompatibleServer.builder(new FakeLanguageModel()).threadSafeModel()
        .latency(latency).start()) {
      System.out.println(server.completionsUrl());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until the client closes our standard input
      }
    }
  }
}
