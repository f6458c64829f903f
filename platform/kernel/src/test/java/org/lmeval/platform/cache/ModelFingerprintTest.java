package org.lmeval.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmeval.platform.eval.Secrets;
import org.lmeval.api.model.RequestType;

class ModelFingerprintTest {
  @Test
  void secretsAreRecognisedAndOrdinaryArgsAreNot() {
    for (String secret : List.of("api_key", "API_KEY", "openai_api_key", "apikey", "token", "hf_token",
        "access_token", "auth_token", "bearer_token", "password", "db_password", "client_secret", "secret",
        "credentials", "authorization", "key")) {
      assertTrue(Secrets.isSecret(secret), secret);
    }
    for (String plain : List.of("pretrained", "tokenizer", "add_bos_token", "max_tokens", "max_gen_toks",
        "tokenized_requests", "eos_token", "pad_token", "base_url", "model", "revision", "dtype", "max_length",
        "trust_remote_code", "key_column")) {
      assertFalse(Secrets.isSecret(plain), plain);
    }
  }

  @Test
  void theNamespaceHoldsSortedArgsWithoutSecretsOrRunOnlyArgs() {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("pretrained", "gpt2");
    args.put("api_key", "sk-live-123");
    args.put("batch_size", 16);
    args.put("device", "cuda:0");
    args.put("dtype", "float32");
    args.put("add_bos_token", true);
    ModelFingerprint fp = new ModelFingerprint("hf", args, "abcdef0123456789");
    assertEquals("{\"backend\":\"hf\",\"key_version\":1,\"model_args\":{\"add_bos_token\":true,\"dtype\":\"float32\","
        + "\"pretrained\":\"gpt2\"},\"model_hash\":\"abcdef0123456789\",\"request_type\":\"loglikelihood\"}",
        fp.namespace(RequestType.LOGLIKELIHOOD));
    assertFalse(fp.namespace(RequestType.GENERATE_UNTIL).contains("sk-live"));
    assertEquals("hf add_bos_token=true,dtype=float32,pretrained=gpt2 #abcdef012345", fp.display());
    assertEquals(fp.display(), CacheNamespace.parse(fp.namespace(RequestType.GENERATE_UNTIL)).model());
    assertEquals("generate_until", CacheNamespace.parse(fp.namespace(RequestType.GENERATE_UNTIL)).requestTypeName());
  }

  @Test
  void argOrderAndSecretsDoNotChangeTheNamespaceButModelsDo() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("pretrained", "m");
    a.put("revision", "main");
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("revision", "main");
    b.put("token", "hf_x");
    b.put("pretrained", "m");
    b.put("batch_size", "auto");
    assertEquals(new ModelFingerprint("hf", a, "").namespace(RequestType.LOGLIKELIHOOD),
        new ModelFingerprint("hf", b, "").namespace(RequestType.LOGLIKELIHOOD));
    assertNotEquals(new ModelFingerprint("hf", a, "").namespace(RequestType.LOGLIKELIHOOD),
        new ModelFingerprint("vllm", a, "").namespace(RequestType.LOGLIKELIHOOD));
    assertNotEquals(new ModelFingerprint("hf", a, "").namespace(RequestType.LOGLIKELIHOOD),
        new ModelFingerprint("hf", a, "h").namespace(RequestType.LOGLIKELIHOOD));
    assertNotEquals(new ModelFingerprint("hf", a, "").namespace(RequestType.LOGLIKELIHOOD),
        new ModelFingerprint("hf", a, "").namespace(RequestType.LOGLIKELIHOOD_ROLLING));
  }

  @Test
  void aForeignNamespaceShowsAsItself() {
    CacheNamespace ns = CacheNamespace.parse("something else");
    assertEquals("something else", ns.model());
    assertEquals("?", ns.requestTypeName());
  }
}
