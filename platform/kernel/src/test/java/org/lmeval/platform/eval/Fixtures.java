package org.lmeval.platform.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Reads the tools/scoring fixtures from the test class path. */
public final class Fixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  @SuppressWarnings("unchecked")
  public static Map<String, Object> load(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/org/lmeval/platform/scoring/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name + " (run tools/scoring/gen_fixtures.py)");
      }
      return JSON.readValue(in, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> parse(String json) {
    try {
      return JSON.readValue(json, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
