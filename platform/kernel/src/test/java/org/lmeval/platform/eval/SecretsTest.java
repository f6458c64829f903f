package org.lmeval.platform.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void secretValuesAreRedactedAndOrderIsKept() {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("model", "gpt-4o");
    args.put("api_key", "sk-123");
    args.put("base_url", "http://127.0.0.1:8000/v1/completions");
    args.put("auth_token", "t");
    args.put("header", Map.of("Authorization", "Bearer x"));
    args.put("tokenizer", "gpt2");
    args.put("max_tokens", 10);
    args.put("add_bos_token", true);
    args.put("token", "hf_abc");
    Map<String, Object> out = Secrets.redact(args);
    assertEquals("{model=gpt-4o, api_key=<redacted>, base_url=http://127.0.0.1:8000/v1/completions, "
        + "auth_token=<redacted>, header=<redacted>, tokenizer=gpt2, max_tokens=10, add_bos_token=true, "
        + "token=<redacted>}", out.toString());
  }
}
